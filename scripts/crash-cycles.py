#!/usr/bin/env python3
"""Crash safety of the pipeline, against the built jar: N signed WhatsApp deliveries sent by W workers that retry
until they get a 200 (as Meta does), while the service is killed with SIGKILL CYCLES times and restarted on the same
data directory. Afterwards every message must be stored once and have exactly one task within STRANDED_AFTER seconds
of the last restart, with no work left pending and no dead letter. Prints one summary line last; exit 0 only if all
of that holds. Needs psql (postgresql-client). CI runs it small (N=1000, RATE=80, CYCLES=3: the kills fall while
deliveries still arrive); the long run is N=10000 CYCLES=20 KILL_EVERY=8.

  ./mvnw -q -B package -DskipTests && python3 scripts/crash-cycles.py
"""
import hashlib, hmac, http.client, json, os, random, signal, subprocess, sys, tempfile, threading, time

N = int(os.environ.get("N", 1000)); W = int(os.environ.get("W", 8)); CYCLES = int(os.environ.get("CYCLES", 3))
KILL_EVERY = float(os.environ.get("KILL_EVERY", 5)); PORT = int(os.environ.get("PORT", 18710))
PG = int(os.environ.get("PGPORT", 26910)); JAR = os.environ.get("JAR", "target/whatsappflowhub.jar")
STRANDED_AFTER = float(os.environ.get("STRANDED_AFTER", 60))
RATE = float(os.environ.get("RATE", 0))  # deliveries per second in all (0: as fast as answered)
SECRET = os.environ.get("FLOWHUB_WHATSAPP_APP_SECRET", "dev-only-app-secret-do-not-use-in-production")
data = tempfile.mkdtemp(prefix="flowhub-crash-"); run = "%06x" % random.randrange(1 << 24)
env = dict(os.environ, SERVER_PORT=str(PORT), FLOWHUB_DATA_DIR=data, FLOWHUB_EMBEDDED_DB_PORT=str(PG),
           FLOWHUB_DEMO_ADMIN_PASSWORD="Crash-pass-123")
proc = None


def start():
    global proc
    proc = subprocess.Popen(["java", "-jar", JAR, "--demo"], env=env, stdout=open(data + "/app.log", "ab"),
                            stderr=subprocess.STDOUT)
    t0 = time.time()
    while time.time() - t0 < 180:
        if proc.poll() is not None:
            sys.exit("the service died on start; see " + data + "/app.log")
        try:
            c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            c.request("GET", "/actuator/health/readiness")
            if c.getresponse().status == 200:
                return time.time() - t0
        except Exception:
            pass
        time.sleep(0.3)
    sys.exit("not ready after 180 s")


def body(i):
    frm = str(4917100000000 + i % 250)
    return json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "demo-business-account-id", "changes": [{
        "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550100", "phone_number_id": "demo-phone-number-id"},
            "contacts": [{"profile": {"name": "Crash %d" % (i % 250)}, "wa_id": frm}],
            "messages": [{"from": frm, "id": "wamid.CC%s%06d" % (run, i), "timestamp": str(int(time.time())),
                          "type": "text", "text": {"body": "Please check the boiler in flat %d before Friday" % i}}]}}]}]},
        separators=(",", ":")).encode()


todo = list(range(N)); lock = threading.Lock(); acked = set(); attempts = [0]


sending_started = [0.0]


def worker():
    conn = None
    while True:
        with lock:
            if not todo:
                return
            i = todo.pop()
            sequence = N - len(todo) - 1
        if RATE > 0:  # spread the load so that the kills fall while deliveries are still arriving
            delay = sending_started[0] + sequence / RATE - time.time()
            if delay > 0:
                time.sleep(delay)
        b = body(i); sig = "sha256=" + hmac.new(SECRET.encode(), b, hashlib.sha256).hexdigest()
        while True:
            attempts[0] += 1
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
                conn.request("POST", "/webhooks/whatsapp", b,
                             {"Content-Type": "application/json", "X-Hub-Signature-256": sig})
                r = conn.getresponse(); r.read()
                if r.status == 200:
                    with lock:
                        acked.add(i)
                    break
            except Exception:
                conn = None
            time.sleep(0.2)


def q(sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(PG), "-U", "postgres", "-d", "flowhub", "-Atc", sql],
                         capture_output=True, text=True)
    return out.stdout.strip()


try:
    print("started in %.1f s" % start(), flush=True)
    sending_started[0] = time.time()
    threads = [threading.Thread(target=worker) for _ in range(W)]
    [t.start() for t in threads]
    kills = 0
    while kills < CYCLES:
        time.sleep(KILL_EVERY * (0.5 + random.random()))
        proc.send_signal(signal.SIGKILL); proc.wait(); kills += 1
        print("kill %d at %d acked; restarted in %.1f s" % (kills, len(acked), start()), flush=True)
    [t.join() for t in threads]
    last_ack = time.time()
    print("all %d acked after %d attempts" % (len(acked), attempts[0]), flush=True)
    like = "wamid.CC%s%%" % run
    tasks_sql = ("select count(distinct t.source_message_id) from task t join message m on m.id = t.source_message_id "
                 "where m.external_id like '%s'" % like)
    done_at = None
    while time.time() - last_ack < STRANDED_AFTER:
        if q(tasks_sql) == str(N):
            done_at = time.time()
            break
        time.sleep(0.5)
    msgs = q("select count(*) from message where direction = 'IN' and external_id like '%s'" % like)
    dupmsg = q("select count(*) from (select 1 from message where external_id like '%s' group by tenant_id, external_id "
               "having count(*) > 1) x" % like)
    notask = q("select count(*) from message m where m.external_id like '%s' and not exists "
               "(select 1 from task t where t.source_message_id = m.id)" % like)
    duptask = q("select count(*) from (select 1 from task t join message m on m.id = t.source_message_id where "
                "m.external_id like '%s' group by t.source_message_id having count(*) > 1) x" % like)
    analysed = q("select count(*) from message where external_id like '%s' and processing_status = 'TASKS_CREATED'" % like)
    work = q("select coalesce(string_agg(stage || ' ' || status || '=' || n, ', '), 'none') from "
             "(select stage, status, count(*) n from work_item where stage in ('extraction.analysis', 'tasks.intake') "
             "group by stage, status) x")
    lost = N - int(msgs or 0)
    ok = lost == 0 and dupmsg == "0" and notask == "0" and duptask == "0" and done_at is not None
    print("kills %d; acked %d/%d; stored %s (lost %d, duplicated %s); without a task %s; with >1 task %s; marked "
          "TASKS_CREATED %s; pipeline work left: %s; all tasks %s after the last ack -> %s"
          % (kills, len(acked), N, msgs, lost, dupmsg, notask, duptask, analysed, work,
             ("%.1f s" % (done_at - last_ack)) if done_at else "not within %d s" % STRANDED_AFTER,
             "PASS" if ok else "FAIL"), flush=True)
    sys.exit(0 if ok else 1)
finally:
    if proc is not None and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
