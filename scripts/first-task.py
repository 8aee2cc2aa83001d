#!/usr/bin/env python3
"""How long the first message after readiness takes to become a task: starts the built jar on a fresh data directory
(no demo replay), waits until /actuator/health/readiness is UP, posts one signed request at once, and polls the
database until its task exists. Repeats ROUNDS times (a fresh start each) and prints each figure and the worst.

  ./mvnw -q -B package -DskipTests && python3 scripts/first-task.py
"""
import hashlib, hmac, http.client, json, os, shutil, signal, subprocess, sys, tempfile, time

ROUNDS = int(os.environ.get("ROUNDS", 3)); PORT = int(os.environ.get("PORT", 18740)); PG = int(os.environ.get("PGPORT", 26940))
JAR = os.environ.get("JAR", "target/whatsappflowhub.jar")
SECRET = os.environ.get("FLOWHUB_WHATSAPP_APP_SECRET", "dev-only-app-secret-do-not-use-in-production")


def q(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(PG), "-U", "postgres", "-d", "flowhub", "-Atc", sql],
                          capture_output=True, text=True).stdout.strip()


def ready():
    try:
        c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
        c.request("GET", "/actuator/health/readiness")
        return c.getresponse().status == 200
    except Exception:
        return False


figures = []
for round_ in range(ROUNDS):
    data = tempfile.mkdtemp(prefix="flowhub-first-")
    env = dict(os.environ, SERVER_PORT=str(PORT), FLOWHUB_DATA_DIR=data, FLOWHUB_EMBEDDED_DB_PORT=str(PG),
               FLOWHUB_WHATSAPP_BASE_URL="http://127.0.0.1:9/unreachable")
    proc = subprocess.Popen(["java", "-jar", JAR], env=env, stdout=open(data + "/app.log", "wb"), stderr=subprocess.STDOUT)
    try:
        t0 = time.time()
        while not ready():
            if proc.poll() is not None or time.time() - t0 > 180:
                sys.exit("the service did not become ready; see " + data + "/app.log")
            time.sleep(0.05)
        wamid = "wamid.FIRST%d%d" % (os.getpid(), round_)
        body = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "demo-business-account-id", "changes": [{
            "field": "messages", "value": {"messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "15550100", "phone_number_id": "demo-phone-number-id"},
                "contacts": [{"profile": {"name": "First"}, "wa_id": "4917200000001"}],
                "messages": [{"from": "4917200000001", "id": wamid, "timestamp": str(int(time.time())), "type": "text",
                              "text": {"body": "Can you send me the invoice for order 1182 by Friday?"}}]}}]}]}).encode()
        sig = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
        sent = time.time()
        c.request("POST", "/webhooks/whatsapp", body, {"Content-Type": "application/json", "X-Hub-Signature-256": sig})
        status = c.getresponse().status
        acked = time.time()
        while q("select count(*) from task t join message m on m.id = t.source_message_id where m.external_id = '%s'" % wamid) != "1":
            if time.time() - sent > 30:
                sys.exit("no task after 30 s")
            time.sleep(0.005)
        done = time.time()
        figures.append((done - sent) * 1000)
        print("round %d: ready in %.1f s; webhook %d in %.0f ms; task %.0f ms after the request" % (
            round_ + 1, sent - t0, status, (acked - sent) * 1000, (done - sent) * 1000), flush=True)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(data, ignore_errors=True)
print("first message after readiness -> task: %s ms; worst %.0f ms (polling every 5 ms through psql adds a few ms)"
      % (", ".join("%.0f" % f for f in figures), max(figures)))
