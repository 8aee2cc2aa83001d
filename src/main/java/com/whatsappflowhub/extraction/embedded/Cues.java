package com.whatsappflowhub.extraction.embedded;

import java.util.regex.Pattern;

/**
 * Linguistic cues in English, Spanish, Portuguese, Indonesian and Hinglish, matched on accent-folded
 * lower-case text. They feed the classifier as features and drive the task rules.
 */
final class Cues {

	private Cues() {
	}

	private static Pattern words(String alternatives) {
		return Pattern.compile("(?<![\\p{L}\\d])(?:" + alternatives + ")(?![\\p{L}\\d])");
	}

	static final Pattern PLEASE = words("please|pls|plz|plse|pl|kindly|porfa|por favor|porfavor|tolong|mohon|plis|pliss"
			+ "|por fa|fineza|favor");

	static final Pattern MODAL_REQUEST = words("(?:can|could|would|will|cn|can't) (?:you|u|ya|someone|somebody|anyone|anybody|we|i|y'all|one of you)"
			+ "|(?:any chance|is it possible|possible to|do you mind|would you mind|mind if)"
			+ "|(?:me )?(?:puedes|puede|pueden|podrias|podria|podrian|podes|pode|podem|poderia|poderiam|consigo|conseguem|bisa|bisakah|boleh|sakte ho|sakti ho|sakenge)(?=[^.!]*\\?)"
			+ "|(?:me |nos )?(?:podes|pode|podem|puedes|pueden) (?:mandar|enviar|traer|trazer|vir|venir|ver|checar|revisar|agendar|marcar)"
			+ "|me (?:envias|mandas|manda|envia|passa|ajuda)|let me know|tell me|lmk|send me|get back to me");

	static final Pattern INFO_QUESTION_START = Pattern.compile("^(?:hi|hello|hey|hola|oi|ola|bom dia|boa tarde|pagi|halo|kak|good (?:morning|afternoon|evening)|quick q)?[\\s,!.]*"
			+ "(?:what|when|where|who|whom|how|why|which|is|are|do|does|did|have|has|was|were|anyone know|does anyone"
			+ "|que|cual|cuando|donde|quien|como|cuanto|cuantos|se admiten|sigue|tienen|hay|qual|quando|onde|quem|quanto"
			+ "|voces|tem|aceitam|apa|berapa|kapan|dimana|siapa|ada|kitne|kya|kab|kahan|kaun|kaise)(?![\\p{L}])");

	static final Pattern IMPERATIVE_START = Pattern.compile("^(?:(?:and|also|then|so|pls|please|kindly|just|now|can you|could you|y|e|tambien|tolong|dan|aur"
			+ "|today|tomorrow|tmrw|tonight|first thing|this (?:morning|afternoon|evening)|besok(?: pagi)?|hari ini|nanti(?: malam)?"
			+ "|manana|hoy|hoje|amanha|kal|aaj|porfa|por favor)[\\s,]+)*"
			+ "(?:send|call|ring|check|fix|get|take|make|bring|update|prepare|order|reorder|book|move|follow|go|come|lock"
			+ "|clean|print|add|remove|confirm|review|approve|schedule|let|tell|ask|pick|drop|deliver|submit|finish"
			+ "|forward|reply|email|text|sign|pay|buy|cancel|arrange|organise|organize|set|put|keep|look|find|contact"
			+ "|grab|restock|replace|install|remember|ensure|do|give|write|ship|handle|sort|chase|invoice|quote|draft"
			+ "|present|cover|open|close|collect|load|unload|post|share|upload|download|prep|label|count|test|repair"
			+ "|change|swap|bump|increase|reduce|deep clean|inform|notify|remind|sweep|mop|wipe|stock|refill|charge"
			+ "|log|record|file|scan|fill|complete|start|stop|turn|switch|plan|book|hold|reserve|return|refund|credit"
			+ "|own|run|help|meet|visit|attend|invite|double-check|doublecheck|make sure|be there|finalise|finalize"
			+ "|head|stop|inspect|share|issue|locate|draft|draw up|draw|revise|apply|receive|ping|message|whatsapp|dm"
			+ "|fetch|carry|measure|pack|wrap|bake|cook|serve|deep-clean|vacuum|tidy"
			+ "|envia|envie|manda|mande|llama|llamen|revisa|revise|ajusta|ajuste|confirma|confirme|trae|traiga|prepara"
			+ "|haz|hagan|compra|pide|pidan|avisa|avise|limpia|arregla|coordina|recoge|lleva|liga|ligue|verifica|ve"
			+ "|fica|faz|faca|traz|traga|leva|busca|passa|separa|agenda|marca|pidelo|pide|pidelos|mandalo|avisale|llamale|antar|antarkan|siapkan|kirim"
			+ "|cek|ambil|bawa|beli|pesan|hubungi|bersihkan|perbaiki|jemput|jao|karo|bhejo|bhej do|de do|kar do|le lo"
			+ "|dekho|bulao|lao|finalize karo|order karo|manga lo|sambhalo)(?![\\p{L}])");

	static final Pattern NEED = words("need|needs|needed|i want|we want|i'd like|i would like|we'd like|would like|want to"
			+ "|looking for|i'm looking|required|requires|must|have to|has to|got to|gotta|should"
			+ "|preciso|precisamos|precisa|necesito|necesitamos|quiero|queremos|queria|quero|gostaria|quisiera|me gustaria"
			+ "|mau|butuh|perlu|harus|ingin|pengen|chahiye|chahte|chahta|chahti|hona chahiye");

	static final Pattern COMMITMENT = words("i'll|i will|ill|i can|i could|i'm on it|im on it|on it|got it|i got it|i've got it"
			+ "|will do|omw|on my way|otw|heading there|heading over|leave it with me|i'll handle|me\\.?|i'm going|im going"
			+ "|i am going|i'll go|i can do|i can take|i can grab|i'll take|yo lo|lo hago|yo voy|voy yo|eu levo|eu faco|eu vou"
			+ "|deixa comigo|pode deixar|saya bisa|saya siap|siap|oke siap|main kar dunga|main karta|mai kar dunga|ho jayega");

	static final Pattern ACCEPTANCE = Pattern.compile("^(?:yep|yes|yeah|yup|ok|okay|sure|got it|on it|will do|me|i can|i got it"
			+ "|no problem|np|done deal|roger|copy|siap|oke|claro|dale|va|beleza|pode deixar|ji|haan|theek hai)(?![\\p{L}])");

	static final Pattern PAST_OR_DONE = words("done|sent|finished|completed|already|delivered|fixed|sorted|uploaded|called"
			+ "|dropped|went out|was|were|came|got|gave|cleared|resolved|paid|posted|emailed|submitted|arrived|returned"
			+ "|picked up|blocked|confirmed|all good|all set|running fine|working now|ya (?:envie|mande|quedo|cargue|traje|avise|esta|lo|la|le|se|van)|ja|listo|lista|pronto|pronta"
			+ "|quedo|envie|mande|cargue|traje|avise|confirmei|desmarquei|remarquei|enviei|mandei|resolvido|saiu"
			+ "|sudah|udah|telah|beres|selesai|ho gaya|ho gayi|kar diya|bhej diya|de diya|theek chal raha")
			;

	static final Pattern DONE_MARK = Pattern.compile("\u2705|\u2714|\u2611");

	static final Pattern MARKETING = words("click|unsubscribe|reply stop|reply yes|free|offer|sale|% off|off all|discount"
			+ "|limited time|claim|win|winner|subscribe|promo|promotion|deal|deals|congratulations|exclusive|act now"
			+ "|order now|buy now|shop now|bit\\.ly|http|https|www|\\$link|earn|guaranteed|opportunity|special price"
			+ "|newsletter|webinar|register now|sign up|apply now|only \\$\\d+|just \\$\\d+|for just|per month|leads"
			+ "|realtors|show this message|valid until|expires|dear customer|we'll reply|currently closed|auto-reply"
			+ "|opening hours|thanks for your message|gratis|promocao|oferta|diskon|promo|address book|safe list|contacts"
			+ "|help center|app store|leave us|visit our|add us|our website|our app|register|verify your|your account"
			+ "|receiving our|deals|purchase|purchasing|learn more|download|install our|follow us");

	static final Pattern SUGGESTION = words("why don't you|why dont you|you should|you might want to|you may want to"
			+ "|i would appreciate|i'd appreciate|would appreciate|i'd love to|i would love to|let's|lets|how about|shall we"
			+ "|we should|feel free to|would you be|are you able|are you available|do you want|would you like|i'd be happy"
			+ "|looking forward to|any thoughts|thoughts\\?|your thoughts|your review|your comments|your feedback|your input"
			+ "|keep me posted|keep me informed|get back to me|call me|email me|e-mail me|text me|ring me|give me a call");

	static final Pattern THANKS = words("thanks|thank you|thankyou|thx|ty|tq|cheers|gracias|obrigado|obrigada|valeu|terima kasih"
			+ "|makasih|trims|dhanyavad|shukriya|appreciate|loved|love it|great service|perfect|awesome|great job|well done"
			+ "|lindo|linda|excelente|mantap|accha tha|bahut accha");

	static final Pattern GREETING_ONLY = Pattern.compile("^[\\s\\p{So}\\p{Sk}\\p{P}]*(?:hi|hello|hey|good (?:morning|night|evening)|morning|gm|ok|okay|k|kk|noted"
			+ "|thanks|thank you|ty|thx|great|cool|nice|perfect|sounds good|all good|no worries|np|sure|yes|no|hola|oi|ola|bom dia"
			+ "|buenas|selamat pagi|pagi|sip|siap|oke)?[\\s\\p{So}\\p{Sk}\\p{P}\\p{Cs}\\u200d\\ufe0f]*$");

	static final Pattern PROBLEM = words("broken|broke|broke down|down|not working|isn't working|isnt working|not turning on"
			+ "|won't|wont|doesn't work|dead|leak|leaking|leaks|flat|out of|ran out|running out|empty|expired|stolen|missing"
			+ "|error|fail|failing|failed|failure|cracked|stuck|jammed|not heating|not cooling|blowing warm|stopped"
			+ "|not fresh|squashed|damaged|wrong|fading|sick|can't open|cant open|won't make it|short|overflowing"
			+ "|pouring|flood|flooding|smoke|burst|no heat|no power|power cut|outage|offline|crashed|quebrou|quebrado"
			+ "|quebrada|estragou|vazando|infiltracao|roto|rota|no funciona|no sirve|se descompuso|fallo|cancelo|sin"
			+ "|rusak|habis|mati|bocor|noda|kharab|band ho|kaam nahi|nahi chal|issue|problem|problema|masalah|dikkat"
			+ "|only \\d+ (?:left|bottles|tanks|units)|\\d+ left|\\d+ days? left|acabou|acabo|se acabo|se acabaron|no arranca|no prende|no enciende"
			+ "|nao funciona|nao liga|parou|sin agua|no tenemos|nao tem|making a (?:\\w+ )?noise|noise|stain|are bad|is bad|didn't arrive"
			+ "|did not arrive|never arrived|hasn't arrived|no fit|tidak bisa|nggak bisa|gak bisa|ta no fim|no fim");

	static final Pattern COMPLAINT = words("again|still (?:not|no|hasn't|haven't|isn't|waiting|broken|leaking|nothing)|ridiculous|unacceptable|inaceptable|inaceitavel|not happy|unhappy"
			+ "|frustrating|frustrated|terrible|awful|worst|complain|complained|complaint|asked twice|third time|3 times"
			+ "|3 veces|tres veces|de novo|otra vez|sigue igual|lagi|phir se|waiting|been waiting|no one has|nobody has"
			+ "|i paid|want it fixed|refund|disappointed|angry|fed up|not good enough|where is it|gimana ini");

	static final Pattern URGENT = words("urgent|urgently|urgente|asap|a\\.s\\.a\\.p|emergency|emergencia|emergencia|darurat"
			+ "|right now|go now|right away|immediately|sekarang|segera|abhi|turant|jaldi|please help|pls help|help!|help me|ayuda|socorro|tolong cepat"
			+ "|now!|critical");

	static final Pattern HARM = words("flood|flooding|pouring|water is|burst|sewage|backing up|smoke|fire(?! extinguisher| drill| safety| alarm test)|gas leak"
			+ "|ate chocolate|poison|poisoned|bleeding|severe|really painful|very painful|swelling|swollen|newborn"
			+ "|no heat|no heating|ni calefaccion|sin calefaccion|sem aquecimento|stranded|highway|shoulder|reading \\d+\\s*°?c|thermometer|cold room|proofer")
			;

	static final Pattern SAFETY = words("safety|brakes|brake|fire extinguisher|extinguishers|first aid|hazard|unsafe|injury|injured"
			+ "|stolen|security|exposed wire|gas|ppe|expired");

	static final Pattern LOW = words("no rush|no hurry|not urgent|whenever|when you get a chance|when you have a moment"
			+ "|when you get a sec|when you have time|when you can|at your convenience|sin prisa|sem pressa|quando puder"
			+ "|cuando puedas|cuando puedan|nice to have|no pressure|kapan-kapan|santai|koi jaldi nahi|just planning");

	static final Pattern ANNOUNCEMENT = words("fyi|reminder|heads up|just letting you know|just fyi|for your information"
			+ "|announcement|closed|closing|holiday|holidays|hours|will be closed|resumes|update:|team reminder|note that"
			+ "|on leave|out of office|aviso|recordatorio|lembrete|informasi|pengumuman|running late|running about"
			+ "|\\d+ mins? late|behind|late sorry");

	static final Pattern INVITATION = words("drinks|if anyone's around|if anyone is around|join us|you're invited|party at"
			+ "|come join|all welcome|everyone welcome|confraternizacao");

	static final Pattern SOMEONE = words("someone|somebody|anyone|anybody|whoever|everyone|everybody|all|team|guys|girls"
			+ "|alguien|alguem|todos|pessoal|equipo|semua|sab log|koi");

	static final Pattern FIRST_PERSON_FUTURE = words("i'll|i will|we'll|we will|i'm going to|we're going to|i am going"
			+ "|vou|vamos|voy|paso|passo|saya akan|kami akan|main|hum");

	static final Pattern OWNER = words("owner|dueno|dono|dona|boss|manager|gerente|the doctor|doctora|doutora|pemilik|malik");

	static final Pattern POLICY = words("must be|must not|mustn't|no exceptions|not allowed|don't use|do not use|is not allowed"
			+ "|are not allowed|prohibited|forbidden|take tomorrow off|take the day off");

	static final Pattern SELF_AT_START = Pattern.compile("^(?:[\\p{L}]+[,:]?\\s+)?(?:i'll|i will|i can|ill|i'm|im|i am|i got|i've got|on it|omw|me\\b|eu|yo|saya|main|mai)(?![\\p{L}])");

	static int count(Pattern p, String folded) {
		var m = p.matcher(folded);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	static boolean has(Pattern p, String folded) {
		return p.matcher(folded).find();
	}
}
