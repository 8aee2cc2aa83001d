package com.whatsappflowhub.whatsapp.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.whatsappflowhub.platform.TenantId;
import org.springframework.stereotype.Component;

/** Blobs as files under {@code flowhub.data-dir}/media/{tenant}/{name}, written atomically (temporary file, move). */
@Component
class FileSystemBlobStore implements BlobStore {

	private final Path root;

	FileSystemBlobStore(MediaSettings settings) {
		this.root = settings.directory();
	}

	@Override
	public String put(TenantId tenant, String name, byte[] bytes) {
		if (!name.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException("blob name " + name);
		}
		String key = tenant + "/" + name;
		Path target = root.resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), name, ".part");
			Files.write(temporary, bytes);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store blob " + key, ex);
		}
		return key;
	}

	@Override
	public Optional<byte[]> get(String key) {
		Path path = root.resolve(key).normalize();
		if (!path.startsWith(root) || !Files.isRegularFile(path)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Files.readAllBytes(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read blob " + key, ex);
		}
	}

	@Override
	public boolean delete(String key) {
		Path path = root.resolve(key).normalize();
		if (!path.startsWith(root)) {
			return false;
		}
		try {
			return Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete blob " + key, ex);
		}
	}
}
