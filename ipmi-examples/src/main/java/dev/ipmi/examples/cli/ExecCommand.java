package dev.ipmi.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code exec FILE} and {@code shell}, as ipmitool's: each line is a command without global
 * options, and every line runs on the one session the global options open. Lines are split on
 * blanks; single or double quotes keep blanks inside a word; {@code #} starts a comment line.
 * The exit code is the last command's, as ipmitool's {@code exec}.
 */
@Command(name = "exec", description = "Run the commands of a file, one a line, on one session.")
final class ExecCommand extends CliCommand implements Callable<Integer> {
    /** Where {@code shell} reads; tests put their own input here. */
    static InputStream stdin = System.in;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "File of commands.")
    Path file;

    /** {@code shell}: the same loop over stdin, with a prompt when stdin is a terminal. */
    @Command(name = "shell", description = "Read commands from stdin and run them on one session.")
    public static final class Shell extends CliCommand implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            BufferedReader r = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            return run(this, r, System.console() != null);
        }
    }

    @Override
    public Integer call() throws IOException {
        if (file == null) {
            throw new CliException("exec: missing command file (usage: exec <filename>)");
        }
        if (!Files.isReadable(file)) {
            throw new CliException("exec: unable to open file " + file);
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return run(this, r, false);
        }
    }

    static int run(CliCommand owner, BufferedReader lines, boolean prompt) throws IOException {
        PrintWriter out = owner.out();
        PrintWriter err = owner.err();
        ConnectionOptions options = owner.options();
        int rc = 0;
        while (true) {
            if (prompt) {
                out.print("ipmi> ");
                out.flush();
            }
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            List<String> words = split(line);
            if (words.isEmpty() || words.get(0).startsWith("#")) {
                continue;
            }
            if (words.get(0).equals("exit") || words.get(0).equals("quit")) {
                break;
            }
            if (words.get(0).equals("exec") || words.get(0).equals("shell")) {
                err.println(words.get(0) + " cannot run inside exec or shell");
                err.flush();
                rc = 1;
                continue;
            }
            rc = runLine(options, words.toArray(String[]::new), out, err);
        }
        return rc;
    }

    static int runLine(ConnectionOptions options, String[] words, PrintWriter out, PrintWriter err) {
        LineRoot root = new LineRoot(options);
        CommandLine cl;
        try {
            cl = IpmiCli.prepare(root, words, out, err);
        } catch (IpmiCli.ArgumentError e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        int rc = cl.execute(words);
        out.flush();
        err.flush();
        return rc;
    }

    /** Blank-separated words; quotes group, as ipmitool's exec tokenizer. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    /** The root of one line: no options of its own, the session and options of the exec/shell run. */
    @Command(name = "ipmi")
    static final class LineRoot implements CliRoot, Runnable {
        private final ConnectionOptions options;

        LineRoot(ConnectionOptions options) {
            this.options = options;
        }

        @Override
        public ConnectionOptions options() {
            return options;
        }

        @Override
        public void run() {
            // a line with no command word: nothing to do
        }
    }
}
