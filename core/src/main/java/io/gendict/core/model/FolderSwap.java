package io.gendict.core.model;

import io.gendict.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How {@link ModelStore} replaces a model folder as a whole: the new folder is written beside it, the old
 * folder's other entries are linked into it, the old one is renamed to {@code .NAME.replaced}, the new one
 * renamed into place and the old one deleted.
 */
final class FolderSwap {
    private FolderSwap() {
    }

    /** @return where a folder's old version waits while it is replaced */
    static Path aside(Path dir) {
        Path absolute = dir.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".replaced");
    }

    /** Swaps a complete new folder in for an old one by two renames, then deletes the old one. */
    static void replace(Path dir, Path fresh) throws IOException {
        Path aside = aside(dir);
        AtomicFiles.deleteTree(aside);
        move(dir, aside);
        move(fresh, dir);
        AtomicFiles.deleteTree(aside);
    }

    /**
     * Links (or, where hard links are not possible, copies) every entry of {@code from} that is neither
     * one of {@code modelFiles} nor a temporary leftover into {@code to}; files in a model folder are only ever
     * replaced by rename, never changed in place, so sharing them is safe.
     */
    static void linkOthers(Path from, Path to, Set<String> modelFiles) throws IOException {
        try (Stream<Path> entries = Files.list(from)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!modelFiles.contains(name) && !(name.startsWith(".") && name.endsWith(".tmp"))) {
                    linkTree(p, to.resolve(name));
                }
            }
        }
    }

    private static void linkTree(Path from, Path to) throws IOException {
        if (Files.isSymbolicLink(from)) {
            Files.createSymbolicLink(to, Files.readSymbolicLink(from));
        } else if (Files.isDirectory(from)) {
            Files.createDirectory(to);
            try (Stream<Path> entries = Files.list(from)) {
                for (Path p : entries.toList()) {
                    linkTree(p, to.resolve(p.getFileName().toString()));
                }
            }
        } else {
            try {
                Files.createLink(to, from);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Moves a folder into place, atomically where the file system allows. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
