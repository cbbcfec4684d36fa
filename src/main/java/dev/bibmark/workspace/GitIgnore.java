package dev.bibmark.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of one {@code .gitignore} file, matched against paths relative to the folder holding it.
 * Supports comments, blank lines, {@code !} negation, trailing {@code /} (directories only), leading or
 * inner {@code /} (anchored), {@code *}, {@code ?}, {@code **}, character classes and backslash escapes.
 */
public final class GitIgnore {
    private record Rule(Pattern regex, boolean negated, boolean dirOnly) {
    }

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    /** Reads a {@code .gitignore} file. */
    public static GitIgnore load(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    /** Parses the lines of a {@code .gitignore} file. */
    public static GitIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String line : lines) {
            Rule rule = compile(line);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new GitIgnore(List.copyOf(rules));
    }

    /**
     * Whether the last matching rule ignores ({@code true}) or re-includes ({@code false}) the path;
     * empty when no rule matches.
     *
     * @param relativePath path relative to this file's folder, '/'-separated
     */
    public Optional<Boolean> match(String relativePath, boolean isDirectory) {
        Optional<Boolean> result = Optional.empty();
        for (Rule rule : rules) {
            if (rule.dirOnly && !isDirectory) {
                continue;
            }
            if (rule.regex.matcher(relativePath).matches()) {
                result = Optional.of(!rule.negated);
            }
        }
        return result;
    }

    /** Convenience for {@link #match}: true only when the path is ignored. */
    public boolean isIgnored(String relativePath, boolean isDirectory) {
        return match(relativePath, isDirectory).orElse(false);
    }

    private static Rule compile(String line) {
        String p = stripTrailingSpaces(line);
        if (p.isEmpty() || p.startsWith("#")) {
            return null;
        }
        boolean negated = false;
        if (p.startsWith("!")) {
            negated = true;
            p = p.substring(1);
        }
        boolean dirOnly = false;
        if (p.endsWith("/") && !p.endsWith("\\/")) {
            dirOnly = true;
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return null;
        }
        boolean anchored = p.contains("/");
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        String body = globToRegex(p);
        String regex = anchored || p.startsWith("**") ? body : "(?:.*/)?" + body;
        return new Rule(Pattern.compile(regex), negated, dirOnly);
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        int i = 0;
        while (i < n) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*'
                    && (i == 0 || glob.charAt(i - 1) == '/')
                    && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                if (i + 2 == n) {
                    re.append(".*");
                    i += 2;
                } else {
                    // "**/" matches zero or more whole folders.
                    re.append("(?:.*/)?");
                    i += 3;
                }
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int close = classEnd(glob, i);
                if (close < 0) {
                    re.append("\\[");
                    i++;
                } else {
                    re.append(characterClass(glob.substring(i + 1, close)));
                    i = close + 1;
                }
            } else if (c == '\\' && i + 1 < n) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }

    private static int classEnd(String glob, int open) {
        int j = open + 1;
        if (j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) {
            j++;
        }
        if (j < glob.length() && glob.charAt(j) == ']') {
            j++;
        }
        while (j < glob.length()) {
            if (glob.charAt(j) == ']') {
                return j;
            }
            j++;
        }
        return -1;
    }

    private static String characterClass(String inner) {
        StringBuilder re = new StringBuilder("[");
        int i = 0;
        if (!inner.isEmpty() && (inner.charAt(0) == '!' || inner.charAt(0) == '^')) {
            re.append('^');
            i = 1;
        }
        for (; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '-' && i > 0 && i < inner.length() - 1) {
                re.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                re.append(c);
            } else {
                re.append('\\').append(c);
            }
        }
        return re.append(']').toString();
    }
}
