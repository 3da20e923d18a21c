package de.quartierdispatch.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by the application's process and by all PostgreSQL server
 * processes, from Linux's {@code /proc}: where a throughput ends, the CPU each side
 * spends per transaction shows why.
 */
final class CpuMeter {

	/** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
	private static final double TICKS_PER_SECOND = 100;

	private CpuMeter() {
	}

	/** Seconds of CPU (user and system) the process has used. */
	static double processSeconds(long pid) {
		return ticks(Path.of("/proc", Long.toString(pid), "stat"), false) / TICKS_PER_SECOND;
	}

	/** Seconds of CPU the ended child processes of this JVM (pgbench) have used. */
	static double childrenSeconds() {
		return (ticks(Path.of("/proc/self/stat"), true) - ticks(Path.of("/proc/self/stat"), false)) / TICKS_PER_SECOND;
	}

	/**
	 * Seconds of CPU the PostgreSQL server has used: its running processes, and those
	 * that ended (connections closed), which the postmaster's children's times hold.
	 */
	static double postgresSeconds() {
		long ticks = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				Path comm = process.resolve("comm");
				try {
					if (Files.readString(comm).trim().equals("postgres")) {
						ticks += ticks(process.resolve("stat"), true);
					}
				}
				catch (IOException ended) {
					// The process ended while we looked: its time is gone with it.
				}
			}
		}
		catch (IOException ex) {
			return Double.NaN;
		}
		return ticks / TICKS_PER_SECOND;
	}

	private static long ticks(Path stat, boolean withEndedChildren) {
		try {
			String line = Files.readString(stat);
			// Fields after the command name (which may contain spaces) start after ')'.
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return withEndedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
