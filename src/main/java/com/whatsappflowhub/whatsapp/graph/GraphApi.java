package com.whatsappflowhub.whatsapp.graph;

import java.net.URI;
import java.util.function.Function;

/**
 * The Graph API client and media downloader for the configured base URL. The base URL can be pointed elsewhere at
 * run time ({@link #pointAt}) so that tests and tools talk to a local Graph server without a context of their own.
 */
public final class GraphApi {

	private final Function<URI, GraphClient> clients;

	private final Function<URI, MediaDownloader> downloaders;

	private volatile Bound bound;

	public GraphApi(URI baseUrl, Function<URI, GraphClient> clients, Function<URI, MediaDownloader> downloaders) {
		this.clients = clients;
		this.downloaders = downloaders;
		this.bound = bind(baseUrl);
	}

	private Bound bind(URI baseUrl) {
		return new Bound(baseUrl, clients.apply(baseUrl), downloaders.apply(baseUrl));
	}

	public GraphClient client() {
		return bound.client();
	}

	public MediaDownloader media() {
		return bound.media();
	}

	public URI baseUrl() {
		return bound.baseUrl();
	}

	/** Sends every later request to {@code baseUrl} (a local Graph server in tests). */
	public void pointAt(URI baseUrl) {
		this.bound = bind(baseUrl);
	}

	private record Bound(URI baseUrl, GraphClient client, MediaDownloader media) {
	}
}
