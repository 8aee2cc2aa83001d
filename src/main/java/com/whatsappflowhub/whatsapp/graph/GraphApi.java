package com.whatsappflowhub.whatsapp.graph;

import java.net.URI;

/**
 * The Graph API client and media downloader for the configured base URL ({@code flowhub.whatsapp.base-url}: Meta's
 * by default; tests and demo mode configure their own local server through the same property).
 */
public record GraphApi(URI baseUrl, GraphClient client, MediaDownloader media) {
}
