package de.quartierdispatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's statement log ({@code log_statement = all}, Debian's
 * {@code log_line_prefix} {@code '%m [%p] %q%u@%d '}) read back as statements: which
 * server process ran what, with which parameters.
 */
final class StatementLog {

	private static final Pattern LINE = Pattern
		.compile("^\\d{4}-\\d\\d-\\d\\d \\S+ \\S+ \\[(\\d+)\\] \\S*@(\\S*) (LOG|DETAIL|ERROR|STATEMENT):  (.*)$");

	private static final Pattern EXECUTED = Pattern.compile("^(?:statement|execute [^:]*): (.*)$", Pattern.DOTALL);

	private StatementLog() {
	}

	/** The statements run in {@code database}, in the order they were logged. */
	static List<Logged> parse(String log, String database) {
		List<Logged> statements = new ArrayList<>();
		String pid = null;
		String db = null;
		String kind = null;
		StringBuilder message = null;
		for (String line : (log + "\n1970-01-01 00:00:00.000 UTC [0] @ LOG:  end").split("\n")) {
			Matcher start = LINE.matcher(line);
			if (!start.matches()) {
				if (message != null) {
					message.append('\n').append(line.startsWith("\t") ? line.substring(1) : line);
				}
				continue;
			}
			if (message != null && database.equals(db)) {
				add(statements, Long.parseLong(pid), kind, message.toString());
			}
			pid = start.group(1);
			db = start.group(2);
			kind = start.group(3);
			message = new StringBuilder(start.group(4));
		}
		return statements;
	}

	private static void add(List<Logged> statements, long pid, String kind, String message) {
		if ("LOG".equals(kind)) {
			Matcher executed = EXECUTED.matcher(message);
			if (executed.matches()) {
				statements.add(new Logged(pid, executed.group(1).strip(), List.of()));
			}
		}
		else if ("DETAIL".equals(kind) && message.startsWith("parameters: ") && !statements.isEmpty()) {
			Logged last = statements.remove(statements.size() - 1);
			statements.add(new Logged(last.pid(), last.text(), parameters(message.substring(12))));
		}
	}

	/** {@code $1 = 'a', $2 = NULL}: the values as SQL literals, in order. */
	private static List<String> parameters(String detail) {
		List<String> values = new ArrayList<>();
		int i = 0;
		while (i < detail.length()) {
			int equals = detail.indexOf(" = ", i);
			if (equals < 0) {
				break;
			}
			int valueStart = equals + 3;
			int valueEnd;
			if (detail.startsWith("NULL", valueStart)) {
				valueEnd = valueStart + 4;
			}
			else {
				valueEnd = valueStart + 1;
				while (valueEnd < detail.length()) {
					if (detail.charAt(valueEnd) == '\'') {
						if (valueEnd + 1 < detail.length() && detail.charAt(valueEnd + 1) == '\'') {
							valueEnd += 2;
							continue;
						}
						valueEnd++;
						break;
					}
					valueEnd++;
				}
			}
			values.add(detail.substring(valueStart, valueEnd));
			i = valueEnd + 2;
		}
		return values;
	}

	/**
	 * A statement's shape, for comparing what the application sends with a pgbench
	 * script: every value (literal, parameter, pgbench variable, {@code now()} and
	 * intervals from it, concatenations of values) becomes {@code ?}, white space one
	 * blank.
	 */
	static String shape(String sql) {
		String shape = sql.replaceAll("\\\\gset\\s*\\w*", " ")
			.replaceAll("'(?:[^']|'')*'", "?")
			.replaceAll("\\$\\{[a-z]+\\}", "?")
			.replaceAll("\\$\\d+", "?")
			.replaceAll("(?<!:):[a-z_]+", "?")
			.replaceAll("(?i)\\b(null|true|false)\\b", "?")
			.replaceAll("\\b\\d+(\\.\\d+)?\\b", "?")
			.replaceAll("(?i)\\bnow\\(\\)(\\s*[-+]\\s*interval\\s*\\?)?", "?")
			.replaceAll("\\?(\\s*\\|\\|\\s*\\?)+", "?")
			.replaceAll("\\s+", " ")
			.replaceAll("\\s*([(),])\\s*", "$1")
			.strip();
		if (shape.endsWith(";")) {
			shape = shape.substring(0, shape.length() - 1).strip();
		}
		return shape.toLowerCase(Locale.ROOT);
	}

	/**
	 * One logged statement.
	 *
	 * @param pid the server process (one connection)
	 * @param text the SQL as sent
	 * @param parameters the bound values as SQL literals ({@code 'x'} or {@code NULL})
	 */
	record Logged(long pid, String text, List<String> parameters) {

		/** The statement with its parameters written in, to run it alone. */
		String inlined() {
			String sql = this.text;
			for (int i = this.parameters.size(); i >= 1; i--) {
				sql = sql.replace("$" + i, this.parameters.get(i - 1));
			}
			return sql;
		}

	}

}
