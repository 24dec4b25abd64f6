package io.gendict.core.plugin;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {
    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("mod", "mod"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(3, Suggestions.distance("", "abc"));
        assertEquals(Suggestions.distance("grup", "group"), Suggestions.distance("group", "grup"));
        assertEquals(1, Suggestions.distance("grup-sparsity", "group-sparsity"));
    }

    @Test
    void suggestsTheClosestNameOnlyWhenClose() {
        List<String> known = List.of("dependencies", "group-sparsity", "relu-net");
        assertEquals(Optional.of("group-sparsity"), Suggestions.closest("grup-sparsity", known));
        assertEquals(Optional.of("relu-net"), Suggestions.closest("relunet", known));
        assertEquals(Optional.empty(), Suggestions.closest("xyz", known));
    }

    @Test
    void unknownNameMessages() {
        GendictException close = Suggestions.unknownName("prior", "grup-sparsity", List.of("relu-net", "group-sparsity"));
        assertEquals(ErrorKind.UNKNOWN_NAME, close.kind());
        assertEquals("unknown prior 'grup-sparsity'; did you mean 'group-sparsity'?", close.getMessage());
        assertEquals("unknown oracle 'xyz'; known: adam, gauss-newton",
                Suggestions.unknownName("oracle", "xyz", List.of("gauss-newton", "adam")).getMessage());
        assertEquals("unknown baseline 'ksvd'; no baseline is installed",
                Suggestions.unknownName("baseline", "ksvd", List.of()).getMessage());
    }
}
