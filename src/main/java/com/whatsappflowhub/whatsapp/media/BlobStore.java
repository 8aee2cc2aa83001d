package com.whatsappflowhub.whatsapp.media;

import java.util.Optional;

import com.whatsappflowhub.platform.TenantId;

/** Where downloaded media bytes are kept, by key. The file system under the data directory by default. */
public interface BlobStore {

	/** Stores the bytes (replacing any under the same name) and returns the key to read them back with. */
	String put(TenantId tenant, String name, byte[] bytes);

	Optional<byte[]> get(String key);

	/** Removes the bytes under the key (a data subject's erasure); {@code false} when there were none. */
	boolean delete(String key);
}
