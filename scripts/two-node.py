#!/usr/bin/env python3
"""Two replicas of the jar on one PostgreSQL (Debian's package, a throwaway cluster), as a load balancer would use
them: N signed WhatsApp deliveries alternate between the two nodes, a delivery that fails is retried on the other
node (as Meta retries and a balancer fails over), node B is killed with SIGKILL part-way and started again later.
Afterwards every message must be stored once with exactly one task, no pipeline work left and no dead letter, and
the work must have been shared (tasks made by both nodes' workers is not observable directly; the script reports how
many deliveries each node acknowledged). Prints one summary line last; exit 0 only if all of that holds.
Needs root (pg_createcluster, su postgres), Debian's postgresql and postgresql-client. With KAFKA=host:port (and
KAFKA_LIBS, Kafka's jars; scripts/cluster.sh starts a broker and sets both) the nodes put their events on Kafka, no
Kafka send may be left pending either, and every message's message.received, message.processed and task.created
must be on Kafka with exactly N distinct ce_ids each (duplicates of one ce_id are counted and allowed: consumers
deduplicate on it).

  ./mvnw -q -B package -DskipTests && sudo python3 scripts/two-node.py
"""
import base64, hashlib, hmac, http.client, json, os, random, shutil, signal, subprocess, sys, tempfile, threading, time

N = int(os.environ.get("N", 2000)); W = int(os.environ.get("W", 8)); JAR = os.environ.get("JAR", "target/whatsappflowhub.jar")
PG = int(os.environ.get("PGPORT", 55433)); PORTS = [int(os.environ.get("PORT_A", 18810)), int(os.environ.get("PORT_B", 18811))]
KILL_AT = float(os.environ.get("KILL_AT", 0.3)); RESTART_AT = float(os.environ.get("RESTART_AT", 0.7))
DRAIN = float(os.environ.get("DRAIN", 180)); RATE = float(os.environ.get("RATE", 60)); READY = float(os.environ.get("READY", 240))
CLUSTER = "flowhubtwonode"; SECRET = "two-node-app-secret"
KAFKA = os.environ.get("KAFKA", ""); KAFKA_LIBS = os.environ.get("KAFKA_LIBS", "scripts/kafka/target/libs")
PGV = sorted(os.listdir("/usr/lib/postgresql"), key=lambda v: [int(x) for x in v.split(".")])[-1]
work = tempfile.mkdtemp(prefix="flowhub-two-node-"); run = "%06x" % random.randrange(1 << 24)
master = base64.b64encode(os.urandom(32)).decode()
procs = [None, None]; acked_by = [0, 0]


def sh(cmd, check=True, **kw):
    return subprocess.run(cmd, shell=True, check=check, capture_output=True, text=True, **kw)


def q(sql):
    return sh("su postgres -c \"psql -qtA -p %d -d flowhub -c \\\"%s\\\"\"" % (PG, sql.replace('"', '\\"'))).stdout.strip()


def start(node):
    env = dict(os.environ, SERVER_PORT=str(PORTS[node]), FLOWHUB_DATA_DIR="%s/node%d" % (work, node),
               SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:%d/flowhub" % PG,
               SPRING_DATASOURCE_USERNAME="flowhub_app", SPRING_DATASOURCE_PASSWORD="app-pw",
               SPRING_FLYWAY_USER="flowhub_owner", SPRING_FLYWAY_PASSWORD="owner-pw",
               FLOWHUB_DB_PLATFORM_USERNAME="flowhub_platform", FLOWHUB_DB_PLATFORM_PASSWORD="platform-pw",
               FLOWHUB_WHATSAPP_APP_SECRET=SECRET, FLOWHUB_WHATSAPP_VERIFY_TOKEN="two-node-verify",
               FLOWHUB_MASTER_KEY=master, FLOWHUB_CLUSTER_ENABLED="true", FLOWHUB_ADMIN_PASSWORD="Two-node-admin-1",
               FLOWHUB_DEMO_ADMIN_PASSWORD="Two-node-demo-1")
    if KAFKA:
        env["SPRING_KAFKA_BOOTSTRAP_SERVERS"] = KAFKA
    procs[node] = subprocess.Popen(["java", "-jar", JAR, "--demo"], env=env,
                                   stdout=open("%s/node%d.log" % (work, node), "ab"), stderr=subprocess.STDOUT)
    t0 = time.time()
    while time.time() - t0 < READY:
        if procs[node].poll() is not None:
            sys.exit("node %d died on start; see %s/node%d.log" % (node, work, node))
        try:
            c = http.client.HTTPConnection("127.0.0.1", PORTS[node], timeout=2)
            c.request("GET", "/actuator/health/readiness")
            if c.getresponse().status == 200:
                return time.time() - t0
        except Exception:
            pass
        time.sleep(0.5)
    sys.exit("node %d not ready after %d s" % (node, READY))


def body(i):
    frm = str(4917300000000 + i % 250)
    return json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "demo-business-account-id", "changes": [{
        "field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550100", "phone_number_id": "demo-phone-number-id"},
            "contacts": [{"profile": {"name": "Two %d" % (i % 250)}, "wa_id": frm}],
            "messages": [{"from": frm, "id": "wamid.TN%s%06d" % (run, i), "timestamp": str(int(time.time())),
                          "type": "text", "text": {"body": "Please check the boiler in flat %d before Friday" % i}}]}}]}]},
        separators=(",", ":")).encode()


todo = list(range(N)); lock = threading.Lock(); acked = set(); started = [0.0]


def worker():
    conns = [None, None]
    while True:
        with lock:
            if not todo:
                return
            i = todo.pop(0)
        delay = started[0] + i / RATE - time.time()
        if delay > 0:
            time.sleep(delay)
        b = body(i); sig = "sha256=" + hmac.new(SECRET.encode(), b, hashlib.sha256).hexdigest()
        node = i % 2
        while True:
            try:
                if conns[node] is None:
                    conns[node] = http.client.HTTPConnection("127.0.0.1", PORTS[node], timeout=10)
                conns[node].request("POST", "/webhooks/whatsapp", b,
                                    {"Content-Type": "application/json", "X-Hub-Signature-256": sig})
                r = conns[node].getresponse(); r.read()
                if r.status == 200:
                    with lock:
                        acked.add(i); acked_by[node] += 1
                    break
            except Exception:
                conns[node] = None
            node = 1 - node  # the balancer tries the other node
            time.sleep(0.1)


try:
    sh("pg_dropcluster --stop %s %s" % (PGV, CLUSTER), check=False)
    sh("pg_createcluster -p %d %s %s" % (PG, PGV, CLUSTER)); sh("pg_ctlcluster %s %s start" % (PGV, CLUSTER))
    sh("su postgres -c \"psql -q -p %d\"" % PG, input="""
CREATE ROLE flowhub_owner LOGIN PASSWORD 'owner-pw';
CREATE ROLE flowhub_app LOGIN PASSWORD 'app-pw' NOSUPERUSER NOBYPASSRLS;
CREATE ROLE flowhub_platform LOGIN PASSWORD 'platform-pw' NOSUPERUSER NOBYPASSRLS IN ROLE flowhub_app;
CREATE DATABASE flowhub OWNER flowhub_owner;""")
    print("node A ready in %.1f s" % start(0), flush=True)
    print("node B ready in %.1f s" % start(1), flush=True)
    time.sleep(5)  # the demo replays (both nodes; deduplicated by wamid)
    started[0] = time.time()
    threads = [threading.Thread(target=worker) for _ in range(W)]
    [t.start() for t in threads]
    while len(acked) < KILL_AT * N:
        time.sleep(0.2)
    procs[1].send_signal(signal.SIGKILL); procs[1].wait()
    print("node B killed (SIGKILL) at %d acked" % len(acked), flush=True)
    while len(acked) < RESTART_AT * N:
        time.sleep(0.2)
    print("node B restarted in %.1f s at %d acked" % (start(1), len(acked)), flush=True)
    [t.join() for t in threads]
    last = time.time()
    like = "wamid.TN%s%%" % run
    tasks_sql = ("select count(distinct t.source_message_id) from task t join message m on m.id = t.source_message_id "
                 "where m.external_id like '%s'" % like)
    stages = "(stage in ('extraction.analysis', 'tasks.intake')%s)" % (" or stage like 'events.kafka.%%'" if KAFKA else "")
    left_sql = "select count(*) from work_item where " + stages
    done_at = drained_at = None
    while time.time() - last < DRAIN:
        if done_at is None and q(tasks_sql) == str(N):
            done_at = time.time()
        if done_at is not None and q(left_sql) == "0":  # leases held by the killed node run out, then another takes them
            drained_at = time.time(); break
        time.sleep(1)
    msgs = q("select count(*) from message where direction = 'IN' and external_id like '%s'" % like)
    dupmsg = q("select count(*) from (select 1 from message where external_id like '%s' group by tenant_id, external_id "
               "having count(*) > 1) x" % like)
    duptask = q("select count(*) from (select 1 from task t join message m on m.id = t.source_message_id where "
                "m.external_id like '%s' group by t.source_message_id having count(*) > 1) x" % like)
    left = q("select coalesce(string_agg(stage || ' ' || status || '=' || n, ', '), '0') from (select stage, status, "
             "count(*) n from work_item where " + stages + " group by stage, status) x")
    dead = q("select count(*) from work_item where status = 'DEAD'")
    ok = msgs == str(N) and dupmsg == "0" and duptask == "0" and done_at is not None and drained_at is not None
    events = "no Kafka"
    if KAFKA:
        ids = "%s/message-ids.txt" % work
        with open(ids, "w") as f:
            f.write(q("select id from message where direction = 'IN' and external_id like '%s'" % like) + "\n")
        t0 = time.time()
        counted = json.loads(sh("java -cp '%s/*' scripts/kafka/EventCount.java %s %s" % (KAFKA_LIBS, KAFKA, ids)).stdout.strip().splitlines()[-1])
        per = [counted[t] for t in ("message.received", "message.processed", "task.created")]
        ok = ok and all(c["distinctCeIds"] == N and c["messagesCovered"] == N for c in per) and counted["keyNotTenant"] == 0
        events = "Kafka: " + ", ".join("%s %d distinct ce_id (%d records)" % (t, c["distinctCeIds"], c["records"])
                                       for t, c in zip(("received", "processed", "task.created"), per)) + \
                 ", %d not keyed by tenant (read in %.0f s)" % (counted["keyNotTenant"], time.time() - t0)
    print("two nodes, one PostgreSQL: acked %d/%d (A %d, B %d); stored %s, duplicated %s; tasks for all %s; >1 task %s; "
          "pipeline work left %s (%s); dead letters %s; sending took %.1f s (%.0f msg/s); %s -> %s"
          % (len(acked), N, acked_by[0], acked_by[1], msgs, dupmsg,
             ("%.1f s after the last ack" % (done_at - last)) if done_at else "NOT within %d s" % DRAIN, duptask, left,
             ("drained %.1f s after the last ack" % (drained_at - last)) if drained_at else "not drained", dead, last - started[0], N / (last - started[0]), events, "PASS" if ok else "FAIL"), flush=True)
    sys.exit(0 if ok else 1)
finally:
    for p in procs:
        if p is not None and p.poll() is None:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()
    sh("pg_dropcluster --stop %s %s" % (PGV, CLUSTER), check=False)
    shutil.rmtree(work, ignore_errors=True)
