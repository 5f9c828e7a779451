package org.neuroai.core;

/**
 * A mistake the user can fix: an unknown name, a bad parameter, a malformed file.
 *
 * <p>The message is one sentence that names the file or key at fault and says what would be
 * valid. The command line prints it alone (no stack trace) and exits with status 2.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Longest stretch of user input an error message quotes whole; longer ones end in an ellipsis. */
    public static final int MAX_ECHO = 80;

    /** Longest line of a message; only a message quoting user input in a way the quotes do not delimit comes near it. */
    static final int MAX_LINE = 2000;

    /** @param message one sentence naming the file, the key and what would be valid */
    public UserError(String message) {
        super(shorten(message));
    }

    /**
     * @param message one sentence naming the file, the key and what would be valid
     * @param cause the underlying exception, kept for debugging
     */
    public UserError(String message, Throwable cause) {
        super(shorten(message), cause);
    }

    /**
     * A message as it may be shown: every quoted stretch ('...') of more than {@link #MAX_ECHO}
     * characters, which is user input echoed back, cut to its first characters and an ellipsis,
     * so a 2 MB value gives a readable line; line breaks inside a quoted value become spaces. Every
     * error that quotes user input goes through here (the constructors, and the command line for
     * the messages of its option parser), so no single place needs to remember it.
     *
     * @param message a message, possibly several lines
     * @return the message with long quoted values shortened
     */
    public static String shorten(String message) {
        if (message == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(message.length(), 4096));
        int i = 0;
        int n = message.length();
        while (i < n) {
            char c = message.charAt(i);
            // a quote that opens a value: at the start or after a space, '(' or '='; apostrophes inside words are text
            boolean opens = c == '\'' && (i == 0 || " (=\n".indexOf(message.charAt(i - 1)) >= 0);
            if (!opens) {
                out.append(c);
                i++;
                continue;
            }
            int close = closing(message, i + 1);
            if (close < 0) {
                // an unbalanced quote: the rest of the line is the value
                int eol = message.indexOf('\n', i + 1);
                close = eol < 0 ? n : eol;
                appendValue(out, message, i + 1, close);
                i = close;
            } else {
                out.append('\'');
                appendValue(out, message, i + 1, close);
                out.append('\'');
                i = close + 1;
            }
        }
        if (out.length() <= MAX_LINE) {
            return out.toString();
        }
        // a value whose quotes confuse the scan above still cannot make a line longer than this
        StringBuilder capped = new StringBuilder();
        for (String line : out.toString().split("\n", -1)) {
            if (capped.length() > 0) {
                capped.append('\n');
            }
            capped.append(line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + '\u2026');
        }
        return capped.toString();
    }

    /** The quote that closes a value opened before {@code from}: followed by the end, a space or punctuation. */
    private static int closing(String m, int from) {
        for (int j = m.indexOf('\'', from); j >= 0; j = m.indexOf('\'', j + 1)) {
            if (j + 1 == m.length() || " ;,.:)\n".indexOf(m.charAt(j + 1)) >= 0) {
                return j;
            }
        }
        return -1;
    }

    private static void appendValue(StringBuilder out, String m, int from, int to) {
        boolean cut = to - from > MAX_ECHO;
        int end = cut ? from + MAX_ECHO - 1 : to;
        if (cut && Character.isLowSurrogate(m.charAt(end))) {
            end--;
        }
        for (int j = from; j < end; j++) {
            char ch = m.charAt(j);
            out.append(ch == '\n' || ch == '\r' ? ' ' : ch);
        }
        if (cut) {
            out.append('\u2026');
        }
    }
}
