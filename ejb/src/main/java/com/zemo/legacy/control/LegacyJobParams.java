package com.zemo.legacy.control;

import com.zemo.jobs.control.JobParams;
import com.zemo.platform.ZemoException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the parameters of the legacy-import and legacy-export jobs at submission: absolute paths on the
 * server, inside {@code zemo.legacy.allowed-dir} when that is set (after resolving symbolic links, so a link
 * cannot lead out of it), an import source that exists and is readable, an export target that does not exist
 * yet in a writable directory.
 */
public final class LegacyJobParams {
    private static final int MAX_PATH = 1000;

    private LegacyJobParams() {
    }

    public static JobParams importParams(JsonObject json, Optional<String> allowedDir) {
        JobParams p = JobParams.of(json, Set.of("path", "mode", "dryRun"));
        Path path = inside(p.string("path", null, MAX_PATH), allowedDir);
        if (!Files.isRegularFile(path)) {
            throw ZemoException.invalid("path: no file " + path + " on the server");
        }
        if (!Files.isReadable(path)) {
            throw ZemoException.invalid("path: " + path + " is not readable by the server");
        }
        p.derived("path", path.toString());
        String mode = p.string("mode", "full", 10);
        if (!mode.equals("full") && !mode.equals("delta")) {
            throw ZemoException.invalid("mode must be full or delta");
        }
        JsonValue dry = json == null ? null : json.get("dryRun");
        boolean dryRun;
        if (dry == null || dry == JsonValue.NULL || dry == JsonValue.FALSE) {
            dryRun = false;
        } else if (dry == JsonValue.TRUE) {
            dryRun = true;
        } else {
            throw ZemoException.invalid("dryRun must be true or false");
        }
        p.derived("dryRun", dryRun);
        return p;
    }

    public static JobParams exportParams(JsonObject json, Optional<String> allowedDir) {
        JobParams p = JobParams.of(json, Set.of("path"));
        Path path = inside(p.string("path", null, MAX_PATH), allowedDir);
        if (Files.exists(path)) {
            throw ZemoException.conflict("path: " + path + " exists; the export writes a new file and never overwrites one");
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw ZemoException.invalid("path: the directory " + dir + " does not exist or is not writable by the server");
        }
        p.derived("path", path.toString());
        return p;
    }

    static Path inside(String raw, Optional<String> allowedDir) {
        Path path;
        try {
            path = Path.of(raw);
        } catch (InvalidPathException e) {
            throw ZemoException.invalid("path: not a valid path");
        }
        if (!path.isAbsolute()) {
            throw ZemoException.invalid("path must be absolute (a file on the server)");
        }
        path = path.normalize();
        if (allowedDir.isEmpty()) {
            return path;
        }
        Path allowed = real(Path.of(allowedDir.get()).toAbsolutePath().normalize());
        // The file itself may not exist yet (export): resolve what exists of it.
        Path resolved = Files.exists(path) ? real(path) : real(path.getParent()).resolve(path.getFileName());
        if (!resolved.startsWith(allowed)) {
            throw ZemoException.invalid("path must be inside " + allowed + " (zemo.legacy.allowed-dir)");
        }
        return path;
    }

    private static Path real(Path p) {
        if (p == null) {
            throw ZemoException.invalid("path has no directory");
        }
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            throw ZemoException.invalid("path: " + p + " cannot be resolved");
        }
    }
}
