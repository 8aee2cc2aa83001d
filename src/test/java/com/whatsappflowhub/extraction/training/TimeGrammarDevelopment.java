package com.whatsappflowhub.extraction.training;

import com.whatsappflowhub.extraction.BusinessConventions;
import com.whatsappflowhub.extraction.Deadline;
import com.whatsappflowhub.extraction.embedded.DeadlineParser;
import com.whatsappflowhub.extraction.eval.DeadlineScoring;
import com.whatsappflowhub.extraction.eval.ExpressionKind;
import com.whatsappflowhub.extraction.eval.LabelledItem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The development loop of the time grammar, on the date parser alone (no classifier, a second per run).
 *
 * <p>Items are grouped into example groups: a run of consecutive items with the same gold value is one group
 * (one kind of expression written several ways). Every third group (by group index) is <em>blind</em>: this
 * program prints its accuracy but never its misses, so rules are written only from the misses of the other
 * groups, and the blind figure estimates what the grammar does on kinds of expression nobody read. Since issue
 * 12's third session, whole kinds of expression ({@link ExpressionKind}, labelled from the structure of the text) are
 * held out the same way: their misses are never printed either, and the per-kind table shows them apart.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) ...training.TimeGrammarDevelopment [file] [--all-misses]</pre>
 */
public final class TimeGrammarDevelopment {

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args.length > 0 ? args[0] : "../shared/eval/duckling-dev.jsonl");
		boolean showBlind = List.of(args).contains("--all-misses");
		var mapper = JsonMapper.builder().build();
		List<LabelledItem> items = LabelledItem.read(file, mapper);
		// our own labelled expressions carry their kind: print the accuracy per kind
		var kinds = new java.util.ArrayList<String>();
		for (String line : java.nio.file.Files.readAllLines(file)) {
			if (!line.isBlank()) {
				kinds.add(mapper.readTree(line).path("kind").asString(""));
			}
		}
		var perKind = new java.util.TreeMap<String, int[]>();
		var parser = new DeadlineParser(BusinessConventions.DEFAULTS);
		int group = -1;
		String lastGold = null;
		int[] correct = new int[2];
		int[] total = new int[2];
		var misses = new ArrayList<String>();
		for (LabelledItem item : items) {
			// warm-up, so the time per item below is the steady one
			parser.parse(item.request().text(), item.request().sentAt(), item.request().locale());
		}
		long started = System.nanoTime();
		for (int index = 0; index < items.size(); index++) {
			LabelledItem item = items.get(index);
			String gold = String.valueOf(item.deadline());
			if (!gold.equals(lastGold)) {
				group++;
				lastGold = gold;
			}
			// held out: every third example group, and every kind ExpressionKind holds out as a whole
			String kind = kinds.get(index).isEmpty() ? ExpressionKind.of(item.request().text()) : "";
			int fold = kinds.get(index).isEmpty() && (blind(group) || ExpressionKind.heldOut(kind)) ? 1 : 0;
			long one = System.nanoTime();
			List<DeadlineParser.Found> found = parser.parse(item.request().text(), item.request().sentAt(), item.request().locale());
			if (System.nanoTime() - one > 5_000_000L) {
				System.out.printf("slow: %.1f ms %s%n", (System.nanoTime() - one) / 1e6, item.request().text());
			}
			Deadline first = found.stream().map(DeadlineParser.Found::deadline).filter(d -> !DeadlineParser.isNow(d))
				.findFirst().orElse(null);
			total[fold]++;
			int[] k = perKind.computeIfAbsent(kinds.get(index).isEmpty() ? kind + (ExpressionKind.heldOut(kind) ? " (held out)" : "")
					: kinds.get(index), x -> new int[2]);
			k[1]++;
			if (DeadlineScoring.matches(item.deadline(), first)) {
				k[0]++;
				correct[fold]++;
			}
			else if (fold == 0 || showBlind) {
				misses.add(item.request().text() + "  | gold " + gold + " | got " + (first == null ? "none"
						: first.isInterval() ? first.from() + ".." + first.to() : first.value() + " " + first.grain()));
			}
		}
		misses.forEach(System.out::println);
		perKind.forEach((kind, k) -> System.out.printf("  %-24s %d/%d%n", kind, k[0], k[1]));
		System.out.printf("groups %d; visible %d/%d = %.3f; held out (every third group, and the held-out kinds) %d/%d = %.3f; all %.3f; %.2f ms/item%n",
				group + 1, correct[0], total[0], (double) correct[0] / total[0], correct[1], total[1],
				(double) correct[1] / total[1], (double) (correct[0] + correct[1]) / (total[0] + total[1]),
				(System.nanoTime() - started) / 1e6 / items.size());
	}

	static boolean blind(int group) {
		return group % 3 == 2;
	}
}
