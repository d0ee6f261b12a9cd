package org.charter.opinions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Python literals that GlobalOpinionQA stores in CSV cells: {@code selections} is a dict (often printed
 * as {@code defaultdict(<class 'list'>, {...})}) and {@code options} is a list mixing strings and floats.
 * <p>
 * Supported: dicts, lists, tuples, single- and double-quoted strings with Python escapes (and {@code u}/{@code r}
 * prefixes, adjacent literals concatenated), ints and floats with their source text kept, {@code nan}/{@code inf},
 * {@code None}/{@code True}/{@code False}, {@code defaultdict(factory, {...})} and numeric wrappers such as
 * {@code float('nan')} or {@code np.float64(0.5)} that pandas/numpy write; JSON's {@code null}, {@code true} and
 * {@code false} are accepted too, so cells written as JSON read the same. Anything else is a
 * {@link SyntaxError} naming the character offset.
 */
public final class PythonLiteral {

    /** A number with the text it was written as, so that an option {@code 1.0} is shown as Python shows it. */
    public record Num(String text, double value) {
    }

    /** A literal that cannot be read; {@code offset} is the 0-based character position in the input. */
    public static final class SyntaxError extends Exception {
        private final int offset;

        SyntaxError(int offset, String message) {
            super(message + " at character " + (offset + 1));
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    private static final Set<String> NUMERIC_WRAPPERS = Set.of("float", "int", "np.float64", "np.float32",
            "np.int64", "np.int32", "numpy.float64", "numpy.float32", "numpy.int64", "numpy.int32");

    private final String s;
    private int pos;

    private PythonLiteral(String s) {
        this.s = s;
    }

    /**
     * Parses one literal. Returns {@link Map} (insertion-ordered), {@link List}, {@link String}, {@link Num},
     * {@link Boolean} or {@code null}.
     */
    public static Object parse(String text) throws SyntaxError {
        PythonLiteral p = new PythonLiteral(text);
        p.skipSpace();
        if (p.pos >= text.length()) {
            throw new SyntaxError(0, "empty value");
        }
        Object value = p.value();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new SyntaxError(p.pos, "unexpected '" + text.charAt(p.pos) + "' after the value");
        }
        return value;
    }

    private Object value() throws SyntaxError {
        skipSpace();
        if (pos >= s.length()) {
            throw new SyntaxError(pos, "the value ends too early");
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> dict();
            case '[' -> sequence('[', ']');
            case '(' -> sequence('(', ')');
            case '\'', '"' -> string(false);
            default -> {
                if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    yield number();
                }
                if ((c == 'u' || c == 'U' || c == 'r' || c == 'R') && pos + 1 < s.length()
                        && (s.charAt(pos + 1) == '\'' || s.charAt(pos + 1) == '"')) {
                    pos++;
                    yield string(c == 'r' || c == 'R');
                }
                if (Character.isLetter(c) || c == '_') {
                    yield name();
                }
                throw new SyntaxError(pos, "unexpected '" + c + "'");
            }
        };
    }

    private Map<Object, Object> dict() throws SyntaxError {
        int start = pos;
        pos++; // {
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek('}')) {
                pos++;
                return map;
            }
            int keyAt = pos;
            Object key = value();
            if (key instanceof Map<?, ?> || key instanceof List<?>) {
                throw new SyntaxError(keyAt, "a dict key must be a string or a number");
            }
            skipSpace();
            expect(':', "':' after a dict key");
            Object v = value();
            if (map.containsKey(key)) {
                throw new SyntaxError(keyAt, "duplicate key " + describe(key));
            }
            map.put(key, v);
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (peek('}')) {
                pos++;
                return map;
            } else if (pos >= s.length()) {
                throw new SyntaxError(start, "unclosed '{'");
            } else {
                throw new SyntaxError(pos, "expected ',' or '}' in a dict");
            }
        }
    }

    private List<Object> sequence(char open, char close) throws SyntaxError {
        int start = pos;
        pos++;
        List<Object> list = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek(close)) {
                pos++;
                return list;
            }
            list.add(value());
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (peek(close)) {
                pos++;
                return list;
            } else if (pos >= s.length()) {
                throw new SyntaxError(start, "unclosed '" + open + "'");
            } else {
                throw new SyntaxError(pos, "expected ',' or '" + close + "'");
            }
        }
    }

    /** A quoted string; Python joins adjacent literals ({@code 'a' "b"} is {@code ab}). */
    private String string(boolean raw) throws SyntaxError {
        StringBuilder out = new StringBuilder();
        quoted(raw, out);
        while (true) {
            int save = pos;
            skipSpace();
            if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
                quoted(false, out);
            } else if (pos + 1 < s.length() && "uUrR".indexOf(s.charAt(pos)) >= 0
                    && (s.charAt(pos + 1) == '\'' || s.charAt(pos + 1) == '"')) {
                boolean r = s.charAt(pos) == 'r' || s.charAt(pos) == 'R';
                pos++;
                quoted(r, out);
            } else {
                pos = save;
                return out.toString();
            }
        }
    }

    private void quoted(boolean raw, StringBuilder out) throws SyntaxError {
        int start = pos;
        char quote = s.charAt(pos);
        boolean triple = s.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        while (true) {
            if (pos >= s.length()) {
                throw new SyntaxError(start, "unterminated string");
            }
            char c = s.charAt(pos);
            if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return;
            }
            if (c == '\\' && pos + 1 < s.length()) {
                if (raw) {
                    out.append(c).append(s.charAt(pos + 1));
                    pos += 2;
                } else {
                    escape(out);
                }
                continue;
            }
            if ((c == '\n' || c == '\r') && !triple) {
                throw new SyntaxError(start, "unterminated string (line break inside quotes)");
            }
            out.append(c);
            pos++;
        }
    }

    private void escape(StringBuilder out) throws SyntaxError {
        int at = pos;
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '\\' -> out.append('\\');
            case '\'' -> out.append('\'');
            case '"' -> out.append('"');
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000b');
            case '\n' -> { } // a backslash before a line break continues the line
            case 'x' -> out.appendCodePoint(hex(at, 2));
            case 'u' -> out.appendCodePoint(hex(at, 4));
            case 'U' -> out.appendCodePoint(hex(at, 8));
            case 'N' -> throw new SyntaxError(at, "named unicode escapes (\\N{...}) are not supported");
            default -> {
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7'; i++) {
                        value = value * 8 + (s.charAt(pos++) - '0');
                    }
                    out.append((char) value);
                } else {
                    out.append('\\').append(e); // Python keeps unknown escapes as written
                }
            }
        }
    }

    private int hex(int at, int digits) throws SyntaxError {
        if (pos + digits > s.length()) {
            throw new SyntaxError(at, "truncated escape");
        }
        try {
            int cp = Integer.parseInt(s.substring(pos, pos + digits), 16);
            if (!Character.isValidCodePoint(cp)) {
                throw new SyntaxError(at, "invalid code point in escape");
            }
            pos += digits;
            return cp;
        } catch (NumberFormatException ex) {
            throw new SyntaxError(at, "invalid hexadecimal escape");
        }
    }

    private Num number() throws SyntaxError {
        int start = pos;
        if (peek('+') || peek('-')) {
            pos++;
        }
        // -inf, -nan
        if (pos < s.length() && Character.isLetter(s.charAt(pos))) {
            Object named = name();
            if (named instanceof Num n) {
                boolean negative = s.charAt(start) == '-';
                return new Num(s.substring(start, pos), negative ? -n.value() : n.value());
            }
            throw new SyntaxError(start, "a sign must be followed by a number");
        }
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || "._eE".indexOf(s.charAt(pos)) >= 0
                || ((s.charAt(pos) == '+' || s.charAt(pos) == '-') && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
            pos++;
        }
        String text = s.substring(start, pos);
        try {
            return new Num(text, Double.parseDouble(text.replace("_", "")));
        } catch (NumberFormatException e) {
            throw new SyntaxError(start, "invalid number '" + text + "'");
        }
    }

    private Object name() throws SyntaxError {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) {
            pos++;
        }
        String word = s.substring(start, pos);
        switch (word) {
            case "None", "null": // null, true and false: the same cells written as JSON
                return null;
            case "True", "true":
                return Boolean.TRUE;
            case "False", "false":
                return Boolean.FALSE;
            case "nan", "NaN", "NAN":
                return new Num(word, Double.NaN);
            case "inf", "Infinity", "INF":
                return new Num(word, Double.POSITIVE_INFINITY);
            default:
                break;
        }
        skipSpace();
        if (!peek('(')) {
            throw new SyntaxError(start, "unknown name '" + word + "'");
        }
        pos++;
        if (word.equals("defaultdict") || word.equals("collections.defaultdict")) {
            return defaultDict(start);
        }
        if (NUMERIC_WRAPPERS.contains(word)) {
            Object arg = value();
            skipSpace();
            expect(')', "')' closing " + word + "(");
            if (arg instanceof Num n) {
                return n;
            }
            if (arg instanceof String str) {
                try {
                    return new Num(str.strip(), parseFloatText(str.strip()));
                } catch (NumberFormatException e) {
                    throw new SyntaxError(start, "invalid number in " + word + "('" + str + "')");
                }
            }
            throw new SyntaxError(start, word + "(...) needs a number");
        }
        throw new SyntaxError(start, "unsupported call '" + word + "(...)'");
    }

    /** {@code defaultdict(<class 'list'>, {...})}: the factory is irrelevant here, the mapping is the value. */
    private Object defaultDict(int start) throws SyntaxError {
        skipSpace();
        if (peek('<')) {
            int close = s.indexOf('>', pos);
            if (close < 0) {
                throw new SyntaxError(pos, "unclosed '<' in defaultdict factory");
            }
            pos = close + 1;
        } else if (!peek(',') && !peek(')')) {
            Object factory = factoryName();
            if (factory == null) {
                throw new SyntaxError(pos, "unexpected defaultdict factory");
            }
        }
        skipSpace();
        if (peek(')')) {
            pos++;
            return new LinkedHashMap<>();
        }
        expect(',', "',' after the defaultdict factory");
        skipSpace();
        Object mapping = peek(')') ? new LinkedHashMap<>() : value();
        skipSpace();
        if (peek(',')) {
            pos++;
            skipSpace();
        }
        expect(')', "')' closing defaultdict(");
        if (!(mapping instanceof Map<?, ?>)) {
            throw new SyntaxError(start, "defaultdict(...) must wrap a dict");
        }
        return mapping;
    }

    private Object factoryName() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) {
            pos++;
        }
        return pos > start ? s.substring(start, pos) : null;
    }

    static double parseFloatText(String t) {
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    private void expect(char c, String what) throws SyntaxError {
        if (!peek(c)) {
            throw new SyntaxError(pos, "expected " + what);
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private static String describe(Object key) {
        return key instanceof String str ? "'" + str + "'" : String.valueOf(key instanceof Num n ? n.text() : key);
    }

    /** Python's {@code str()} of a list element, as GlobalOpinionQA shows options: strings as-is, numbers as written. */
    public static String display(Object element) {
        return switch (element) {
            case null -> "None";
            case String str -> str;
            case Num n -> n.text();
            case Boolean b -> b ? "True" : "False";
            default -> String.valueOf(element);
        };
    }
}
