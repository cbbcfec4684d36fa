package dev.bibmark.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
    private static final java.util.regex.Pattern DOI_PREFIX =
            java.util.regex.Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)");
    private static final java.util.regex.Pattern DOI = java.util.regex.Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final java.util.regex.Pattern DOI_TRAILING = java.util.regex.Pattern.compile("[.,;:)\\]}>'\"]+$");

    /** The DOI rule as the patterns {@link Identifiers#doi} was first written with: the oracle of its scan. */
    private static Optional<String> doiByPatterns(String text) {
        if (text == null || !text.contains("10.")) {
            return Optional.empty();
        }
        String s = DOI_PREFIX.matcher(text.trim().toLowerCase(java.util.Locale.ROOT)).replaceFirst("");
        java.util.regex.Matcher m = DOI.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        String doi = DOI_TRAILING.matcher(m.group()).replaceAll("");
        return doi.contains("/") && !doi.endsWith("/") ? Optional.of(doi) : Optional.empty();
    }

    @org.junit.jupiter.api.Test
    void doiScanEqualsThePatterns() {
        String[] pieces = {"10.", "1000", "12345", "1234567890", "/", "x", "abc", " ", "\t", ".", ")", "]", "'", "\"",
            "https://doi.org/", "http://dx.doi.org/", "doi:", "DOI: ", "10.48550/arXiv.", "/"};
        java.util.Random random = new java.util.Random(8);
        int dois = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int k = 1 + random.nextInt(7);
            for (int i = 0; i < k; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            Optional<String> expected = doiByPatterns(s);
            if (expected.isPresent()) {
                dois++;
            }
            assertEquals(expected, Identifiers.doi(s), s);
        }
        org.junit.jupiter.api.Assertions.assertTrue(dois > 1000, "the generator makes DOIs: " + dois);
    }

    @org.junit.jupiter.api.Test
    void thePreFilterKeepsEveryId() {
        String[] pieces = {"1", "2", "0", "12", "2106", "09685", "0102536", ".", "/", "v", "arxiv:", "arXiv.org/abs/",
            "10.48550/arxiv.", "hep-th", "math.GT", " ", "x", "-"};
        java.util.Random random = new java.util.Random(3);
        int ids = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int k = 1 + random.nextInt(8);
            for (int i = 0; i < k; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            Optional<String> id = Identifiers.arxivIdByPatterns(s);
            if (id.isPresent()) {
                ids++;
                assertEquals(id, Identifiers.arxivId(s), s);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(ids > 100, "the generator makes ids: " + ids);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://arxiv.org/abs/1810.04805|1810.04805",
        "https://arxiv.org/abs/1810.04805v2|1810.04805",
        "http://arxiv.org/pdf/2301.12345v1.pdf|2301.12345",
        "https://arxiv.org/pdf/2301.12345.pdf|2301.12345",
        "https://arxiv.org/html/2402.01234v3|2402.01234",
        "arXiv:1706.03762|1706.03762",
        "arXiv preprint arXiv:1706.03762v5|1706.03762",
        "10.48550/arXiv.2106.09685|2106.09685",
        "https://doi.org/10.48550/ARXIV.2106.09685|2106.09685",
        "2106.09685|2106.09685",
        "2106.09685v2|2106.09685",
        "https://arxiv.org/abs/hep-th/9901001v1|hep-th/9901001",
        "arXiv:math.GT/0309136|math.GT/0309136",
        "cond-mat/0102536|cond-mat/0102536",
    })
    void arxivIds(String text, String expected) {
        assertEquals(Optional.of(expected), Identifiers.arxivId(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://example.org/1810.04805", "10.1145/3292500.3330701", "In NeurIPS 2020"})
    void noArxivId(String text) {
        assertEquals(Optional.empty(), Identifiers.arxivId(text));
    }

    @Test
    void firstAuthorGivenName() {
        assertEquals("john", Identifiers.firstAuthorGiven("Smith, John D. and Doe, Jane"));
        assertEquals("john", Identifiers.firstAuthorGiven("John D. Smith and Jane Doe"));
        assertEquals("j", Identifiers.firstAuthorGiven("Smith, J."));
        assertEquals("j", Identifiers.firstAuthorGiven("J.-P. Sartre"));
        assertEquals("jean", Identifiers.firstAuthorGiven("van Damme, Jr, Jean"));
        assertEquals("jorg", Identifiers.firstAuthorGiven("M{\\\"u}ller, J{\\\"o}rg"));
        assertEquals("", Identifiers.firstAuthorGiven("Smith"));
        assertEquals("", Identifiers.firstAuthorGiven("{OpenAI}"));
    }

    @Test
    void arxivNull() {
        assertEquals(Optional.empty(), Identifiers.arxivId(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.1145/3292500.3330701|10.1145/3292500.3330701",
        "https://doi.org/10.1000/ABC.123|10.1000/abc.123",
        "http://dx.doi.org/10.1000/xyz|10.1000/xyz",
        "doi:10.1000/xyz.|10.1000/xyz",
        "DOI: 10.1000/xyz);|10.1000/xyz",
        "see 10.18653/v1/N19-1423, p. 3|10.18653/v1/n19-1423",
        "https://doi.org/10.1000/a%2Fb|10.1000/a/b",
        "https://dl.acm.org/doi/10.1145%2F3292500.3330701|10.1145/3292500.3330701",
        "https://doi.org/10.1000/%C3%BC-%zz|10.1000/ü-%zz",
        "10.1000/a%2Fb|10.1000/a%2fb",
    })
    void dois(String text, String expected) {
        assertEquals(Optional.of(expected), Identifiers.doi(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a doi", "10.12/short", "https://example.org"})
    void noDoi(String text) {
        assertEquals(Optional.empty(), Identifiers.doi(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Devlin, Jacob and Chang, Ming-Wei|devlin",
        "Jacob Devlin and Ming-Wei Chang|devlin",
        "J. M. Smith AND Doe, J.|smith",
        "Kram{\\'a}r, J.|kramar",
        "Erwin Schr{\\\"o}dinger|schrodinger",
        "{Brown and Co} and Smith, J.|brownandco",
        "Ludwig van Beethoven|vanbeethoven",
        "van Beethoven, Ludwig|vanbeethoven",
        "O'Neil, Cathy|oneil",
        "Plato|plato",
    })
    void firstAuthorSurname(String field, String expected) {
        assertEquals(expected, Identifiers.firstAuthorSurname(field));
    }

    @Test
    void emptyAuthor() {
        assertEquals("", Identifiers.firstAuthorSurname(""));
        assertEquals("", Identifiers.firstAuthorSurname(null));
    }
}
