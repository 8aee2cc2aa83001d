#!/usr/bin/env python3
"""Where the CPU of one message goes, end to end, against the built jar: starts it with --demo on a fresh data
directory (embedded PostgreSQL, the in-process Graph sandbox), waits for readiness and the demo replay, reads the CPU
time of every JVM thread and every PostgreSQL process from /proc, sends N signed deliveries
(scripts/WebhookLoad.java, one text message each), waits until each became a task and the pipeline is idle, reads
the CPU times again and prints the CPU milliseconds per message by thread group (webhook request threads, each
stage's and delivery's workers, JIT, GC, PostgreSQL). Unlike a throughput figure this hardly moves when other work
shares the machine, so it compares two builds fairly on a busy machine. Needs psql (postgresql-client).

  ./mvnw -q -B package -DskipTests && python3 scripts/cpu-per-message.py
  N=3000 TEXTS=../shared/eval/whatsapp-dev.jsonl JAR=/tmp/other.jar python3 scripts/cpu-per-message.py
"""
import os, re, subprocess, sys, tempfile, time, http.client

N = int(os.environ.get("N", 2000)); C = int(os.environ.get("C", 16)); PORT = int(os.environ.get("PORT", 18760))
PG = int(os.environ.get("PGPORT", 26960)); JAR = os.environ.get("JAR", "target/whatsappflowhub.jar")
TEXTS = os.environ.get("TEXTS", "")
TICK = os.sysconf("SC_CLK_TCK")
data = tempfile.mkdtemp(prefix="flowhub-cpu-")
env = dict(os.environ, SERVER_PORT=str(PORT), FLOWHUB_DATA_DIR=data, FLOWHUB_EMBEDDED_DB_PORT=str(PG),
           FLOWHUB_DEMO_ADMIN_PASSWORD="Cpu-pass-1234")


def q(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(PG), "-U", "postgres", "-d", "flowhub", "-Atc", sql],
                          capture_output=True, text=True).stdout.strip()


def ticks(path):
    with open(path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def group(name):
    name = re.sub(r"-\d+$", "", name.strip())
    if name.startswith("http-nio") and "exec" in name:
        return "http requests (webhook + Graph sandbox)"
    if name.startswith("C1 Compiler") or name.startswith("C2 Compiler"):
        return "JIT compiler"
    if name.startswith("GC ") or name.startswith("G1 "):
        return "GC"
    return name


def snapshot(pid):
    by = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                comm = f.read()
            by[tid] = (group(comm), ticks("/proc/%d/task/%s/stat" % (pid, tid)))
        except OSError:
            pass
    return by


def pg_backends_ticks():
    # the server's children carry no data dir in their command line: count every child of the postmaster
    post = subprocess.run(["pgrep", "-f", "postgres.*-p %d" % PG], capture_output=True, text=True).stdout.split()
    total = 0
    for master in post:
        kids = subprocess.run(["pgrep", "-P", master], capture_output=True, text=True).stdout.split()
        for p in [master] + kids:
            try:
                total += ticks("/proc/%s/stat" % p)
            except OSError:
                pass
    return total


proc = subprocess.Popen(["java"] + os.environ.get("APP_JAVA_OPTS", "").split() + ["-jar", JAR, "--demo"], env=env, stdout=open(data + "/app.log", "wb"),
                        stderr=subprocess.STDOUT)
try:
    t0 = time.time()
    while True:
        if proc.poll() is not None or time.time() - t0 > 240:
            sys.exit("the service did not become ready; see " + data + "/app.log")
        try:
            c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            c.request("GET", "/actuator/health/readiness")
            if c.getresponse().status == 200:
                break
        except Exception:
            pass
        time.sleep(0.3)
    for _ in range(120):  # the demo replay
        if q("select count(*) from task") not in ("", "0") and q("select count(*) from work_item where status = 'PENDING'") == "0":
            break
        time.sleep(1)
    time.sleep(3)
    base = int(q("select count(*) from task"))
    STATS = ("select xact_commit + xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched "
             "from pg_stat_database where datname = 'flowhub'")
    stats_before = [int(x) for x in q(STATS).split("|")]
    TABLES = ("select relname, coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0), coalesce(seq_scan, 0), "
              "coalesce(idx_scan, 0) from pg_stat_user_tables")
    tables_before = {r.split("|")[0]: [int(x) for x in r.split("|")[1:]] for r in q(TABLES).splitlines()}
    before = snapshot(proc.pid); jvm_before = ticks("/proc/%d/stat" % proc.pid); pg_before = pg_backends_ticks()
    t_start = time.time()
    load = ["java", "scripts/WebhookLoad.java", "--url", "http://127.0.0.1:%d/webhooks/whatsapp" % PORT, "--n", str(N),
            "--c", str(C), "--warmup", "0"] + (["--texts", TEXTS] if TEXTS else [])
    out = subprocess.run(load, capture_output=True, text=True).stdout
    print("\n".join(out.strip().splitlines()[-3:]))
    want = None if TEXTS else base + N
    last, stall = -1, 0
    while stall < 20:
        n = int(q("select count(*) from task"))
        pending = q("select count(*) from work_item where status = 'PENDING'")
        if want is not None and n >= want and pending == "0":
            break
        if want is None and pending == "0" and n == last:
            stall += 5
        stall = stall + 1 if n == last else 0
        last = n
        time.sleep(0.5)
    elapsed = time.time() - t_start
    after = snapshot(proc.pid); jvm_after = ticks("/proc/%d/stat" % proc.pid); pg_after = pg_backends_ticks()
    made = int(q("select count(*) from task")) - base
    stats = [int(a) - b for a, b in zip(q(STATS).split("|"), stats_before)]
    tables = []
    for r in q(TABLES).splitlines():
        name, *vals = r.split("|")
        old = tables_before.get(name, [0, 0, 0])
        tables.append((int(vals[0]) - old[0], int(vals[1]) - old[1], int(vals[2]) - old[2], name))
    analysed = int(q("select count(*) from message where direction = 'IN' and processing_status is not null "
                     "and processing_status <> 'RECEIVED'"))
    groups = {}
    for tid, (g, t) in after.items():
        groups[g] = groups.get(g, 0) + t - (before[tid][1] if tid in before else 0)
    total_jvm = jvm_after - jvm_before  # the process's own count includes threads that ended meanwhile
    groups["threads that ended during the run"] = total_jvm - sum(groups.values())
    per = lambda t: 1000.0 * t / TICK / N
    print("messages %d, tasks made %d, in %.1f s (%.1f msg/s)" % (N, made, elapsed, N / elapsed))
    print("CPU ms per message: JVM %.2f, PostgreSQL %.2f, together %.2f (%.0f msg/s per core at this cost)" % (
        per(total_jvm), per(pg_after - pg_before), per(total_jvm + pg_after - pg_before),
        1000.0 / per(total_jvm + pg_after - pg_before)))
    print("PostgreSQL per message: %.1f transactions, rows inserted %.1f, updated %.1f, deleted %.1f, fetched %.1f"
          % tuple(x / N for x in stats))
    print("rows read per message by table (rows, sequential scans, index scans):", ", ".join(
        "%s %.1f (%.1f, %.1f)" % (name, rows / N, seq / N, idx / N) for rows, seq, idx, name in sorted(tables, reverse=True)[:6]))
    for g, t in sorted(groups.items(), key=lambda kv: -kv[1]):
        if per(t) >= 0.05:
            print("  %6.2f  %s" % (per(t), g))
finally:
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
    if os.environ.get("KEEP"):
        print("data directory and app.log kept in " + data)
    else:
        subprocess.run(["rm", "-rf", data])
