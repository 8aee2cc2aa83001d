package com.whatsappflowhub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver}: nothing is downloaded (no Selenium
 * Manager). Tests that need it are skipped when it is not installed; {@code .ci/run} installs it.
 */
final class Chromium {

	static final Path BROWSER = Path.of(System.getProperty("flowhub.test.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("flowhub.test.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private Chromium() {
	}

	static void assumeInstalled() {
		assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
				"Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
	}

	static ChromeDriver start() {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en-US", "--hide-scrollbars", "--force-device-scale-factor=1");
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		return driver;
	}

	/** The page at {@code width} px wide, whole height, as target/screenshots/NAME-WIDTH.png. */
	static Path screenshot(ChromeDriver driver, String name, int width) {
		try {
			Files.createDirectories(SCREENSHOTS);
			driver.manage().window().setSize(new Dimension(width, 900));
			Object height = ((JavascriptExecutor) driver).executeScript(
					"return Math.min(4000, Math.max(document.body.scrollHeight, document.documentElement.scrollHeight));");
			driver.manage().window().setSize(new Dimension(width, ((Number) height).intValue()));
			Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			driver.manage().window().setSize(new Dimension(1280, 900));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A violation axe-core found: its rule, impact and the elements. */
	record Violation(String id, String impact, String help, List<String> targets) {
	}

	/** Runs axe-core (WCAG 2 A/AA rules) on the current page; the violations that are serious or critical. */
	static List<Violation> seriousViolations(ChromeDriver driver) {
		JavascriptExecutor js = driver;
		js.executeScript(axeSource());
		Object raw = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then(r => done(JSON.stringify(r.violations)))
				  .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));""");
		List<Violation> found = new ArrayList<>();
		for (JsonNode v : JsonMapper.shared().readTree(String.valueOf(raw))) {
			String impact = v.path("impact").asString("");
			if (!impact.equals("serious") && !impact.equals("critical")) {
				continue;
			}
			List<String> targets = new ArrayList<>();
			v.path("nodes").forEach(n -> targets.add(n.path("target").toString() + " " + n.path("failureSummary").asString("")));
			found.add(new Violation(v.path("id").asString(), impact, v.path("help").asString(), targets));
		}
		return found;
	}

	private static String axe;

	private static synchronized String axeSource() {
		if (axe == null) {
			try (InputStream in = Chromium.class.getResourceAsStream("/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe.min.js is not on the test class path");
				}
				axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return axe;
	}

	static Map<String, Object> noArgs() {
		return Map.of();
	}
}
