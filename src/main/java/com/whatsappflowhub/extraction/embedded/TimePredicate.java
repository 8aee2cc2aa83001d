package com.whatsappflowhub.extraction.embedded;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * A set of moments, the meaning of a time expression: "Monday" is every Monday, "3pm" every day at 15:00,
 * "the last week of <month>" the last whole week of each occurrence of that month. A predicate lists its
 * occurrences inside a window; the grammar combines predicates (intersection, nth of, shifts, intervals) and
 * the resolver takes the first occurrence that has not ended when the message was sent.
 */
interface TimePredicate {

	/** Time units, from the finest. */
	enum Unit {
		SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR;

		LocalDateTime truncate(LocalDateTime t) {
			return switch (this) {
				case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
				case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
				case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
				case DAY -> t.truncatedTo(ChronoUnit.DAYS);
				case WEEK -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
				case QUARTER -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
					.withMonth(((t.getMonthValue() - 1) / 3) * 3 + 1);
				case YEAR -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
			};
		}

		LocalDateTime plus(LocalDateTime t, long n) {
			return switch (this) {
				case SECOND -> t.plusSeconds(n);
				case MINUTE -> t.plusMinutes(n);
				case HOUR -> t.plusHours(n);
				case DAY -> t.plusDays(n);
				case WEEK -> t.plusWeeks(n);
				case MONTH -> t.plusMonths(n);
				case QUARTER -> t.plusMonths(3 * n);
				case YEAR -> t.plusYears(n);
			};
		}

		/** Rough length in days, to pick the sparser side of an intersection. */
		double days() {
			return switch (this) {
				case SECOND -> 1.0 / 86400;
				case MINUTE -> 1.0 / 1440;
				case HOUR -> 1.0 / 24;
				case DAY -> 1;
				case WEEK -> 7;
				case MONTH -> 30;
				case QUARTER -> 91;
				case YEAR -> 365;
			};
		}
	}

	/** One occurrence: [start, end), its grain, and whether it reads as an interval ("morning", "summer"). */
	record Occurrence(LocalDateTime start, LocalDateTime end, Unit grain, boolean interval) {
	}

	/** What resolution knows: the moment the message was sent (local time of the tenant). */
	record Reference(LocalDateTime now) {
	}

	Unit grain();

	/** Average days between occurrences (a single occurrence: a large number). */
	double period();

	/** The occurrences that end after {@code from} and start before {@code until}, in order. */
	List<Occurrence> within(Reference ref, LocalDateTime from, LocalDateTime until);

	int LIMIT = 400;

	static Occurrence occ(LocalDateTime start, Unit grain) {
		return new Occurrence(start, grain.plus(start, 1), grain, false);
	}

	/** Every unit: every day, every week... */
	static TimePredicate cycle(Unit unit) {
		return new Simple(unit, unit.days(), (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (LocalDateTime t = unit.truncate(w.from()); t.isBefore(w.until()) && out.size() < LIMIT; t = unit.plus(t, 1)) {
				out.add(occ(t, unit));
			}
			return out;
		});
	}

	/** Days matching a test (weekday, day of month, a named day computed per year). */
	static TimePredicate days(double period, java.util.function.Predicate<LocalDate> test) {
		return new Simple(Unit.DAY, period, (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			LocalDate end = w.until().toLocalDate();
			for (LocalDate d = w.from().toLocalDate(); !d.isAfter(end) && out.size() < LIMIT; d = d.plusDays(1)) {
				if (test.test(d) && d.atStartOfDay().isBefore(w.until())) {
					out.add(occ(d.atStartOfDay(), Unit.DAY));
				}
			}
			return out;
		});
	}

	/** A day given per year ("Christmas" = Dec 25 of each year). */
	static TimePredicate yearly(IntFunction<@Nullable LocalDate> dayOfYear) {
		return new Simple(Unit.DAY, 365, (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (int y = w.from().getYear() - 1; y <= w.until().getYear(); y++) {
				LocalDate d = dayOfYear.apply(y);
				if (d != null) {
					Occurrence o = occ(d.atStartOfDay(), Unit.DAY);
					if (o.end().isAfter(w.from()) && o.start().isBefore(w.until())) {
						out.add(o);
					}
				}
			}
			return out;
		});
	}

	/** An interval given per year ("summer" = Jun 21 to Sep 23). */
	static TimePredicate yearlyInterval(int m1, int d1, int m2, int d2) {
		return new Simple(Unit.DAY, 365, (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (int y = w.from().getYear() - 1; y <= w.until().getYear(); y++) {
				LocalDateTime s = LocalDate.of(y, m1, d1).atStartOfDay();
				LocalDateTime e = LocalDate.of(m2 < m1 ? y + 1 : y, m2, d2).atStartOfDay();
				if (e.isAfter(w.from()) && s.isBefore(w.until())) {
					out.add(new Occurrence(s, e, Unit.DAY, true));
				}
			}
			return out;
		});
	}

	static TimePredicate month(int m) {
		return new Simple(Unit.MONTH, 365, (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (int y = w.from().getYear() - 1; y <= w.until().getYear(); y++) {
				Occurrence o = occ(LocalDate.of(y, m, 1).atStartOfDay(), Unit.MONTH);
				if (o.end().isAfter(w.from()) && o.start().isBefore(w.until())) {
					out.add(o);
				}
			}
			return out;
		});
	}

	static TimePredicate year(int y) {
		return fixed(Unit.YEAR, ref -> occ(LocalDate.of(y, 1, 1).atStartOfDay(), Unit.YEAR));
	}

	/** A time of day: {@code twelveHour} means 3 is 03:00 and 15:00. */
	static TimePredicate timeOfDay(int hour, int minute, int second, boolean twelveHour, Unit grain) {
		return new Simple(grain, 0.5, (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (LocalDate d = w.from().toLocalDate().minusDays(1); !d.atStartOfDay().isAfter(w.until())
					&& out.size() < LIMIT; d = d.plusDays(1)) {
				LocalDateTime a = d.atTime(hour % 24, minute, second);
				if (twelveHour && hour <= 12) {
					LocalDateTime b = d.atTime((hour + 12) % 24, minute, second);
					for (LocalDateTime t : hour == 12 ? List.of(b, a) : List.of(a, b)) {
						add(out, occ(t, grain), w);
					}
				}
				else {
					add(out, occ(a, grain), w);
				}
			}
			return out;
		});
	}

	/** A part of the day, every day: [from, to), {@code to} at or before {@code from} means the next day. */
	static TimePredicate partOfDay(LocalTime from, LocalTime to) {
		return new Simple(Unit.HOUR, 1, (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (LocalDate d = w.from().toLocalDate().minusDays(1); !d.atStartOfDay().isAfter(w.until())
					&& out.size() < LIMIT; d = d.plusDays(1)) {
				LocalDateTime s = d.atTime(from);
				LocalDateTime e = to.isAfter(from) ? d.atTime(to) : d.plusDays(1).atTime(to);
				add(out, new Occurrence(s, e, Unit.HOUR, true), w);
			}
			return out;
		});
	}

	private static void add(List<Occurrence> out, Occurrence o, Window w) {
		if (o.end().isAfter(w.from()) && o.start().isBefore(w.until())) {
			out.add(o);
		}
	}

	/** One occurrence computed from the reference ("now", "today", "in 3 hours"). */
	static TimePredicate fixed(Unit grain, Function<Reference, @Nullable Occurrence> at) {
		return new Simple(grain, 1e6, (ref, w) -> {
			Occurrence o = at.apply(ref);
			return o != null && o.end().isAfter(w.from()) && o.start().isBefore(w.until()) ? List.of(o) : List.of();
		});
	}

	/** The window of a query. */
	record Window(LocalDateTime from, LocalDateTime until) {
	}

	/** Occurrences computed by a function of the window. */
	record Simple(Unit grain, double period, java.util.function.BiFunction<Reference, Window, List<Occurrence>> fn)
			implements TimePredicate {
		@Override
		public List<Occurrence> within(Reference ref, LocalDateTime from, LocalDateTime until) {
			return fn.apply(ref, new Window(from, until));
		}
	}

	/** Both at once: "Monday at 3pm", "Feb 10 (a Sunday)", "the morning of the 5th". */
	static TimePredicate intersect(TimePredicate a, TimePredicate b) {
		boolean aOuter = a.period() > b.period() || (a.period() == b.period() && a.grain().compareTo(b.grain()) >= 0);
		TimePredicate outer = aOuter ? a : b;
		TimePredicate inner = aOuter ? b : a;
		Unit grain = a.grain().compareTo(b.grain()) <= 0 ? a.grain() : b.grain();
		return new Simple(grain, Math.max(a.period(), b.period()), (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (Occurrence o : outer.within(ref, w.from(), w.until())) {
				for (Occurrence i : inner.within(ref, o.start(), o.end())) {
					LocalDateTime s = i.start().isAfter(o.start()) ? i.start() : o.start();
					LocalDateTime e = i.end().isBefore(o.end()) ? i.end() : o.end();
					if (s.isBefore(e) && e.isAfter(w.from())) {
						Unit g = i.grain().compareTo(o.grain()) <= 0 ? i.grain() : o.grain();
						boolean interval = (i.grain() == g ? i.interval() : o.interval());
						out.add(new Occurrence(s, e, g, interval));
					}
				}
				if (out.size() >= LIMIT) {
					break;
				}
			}
			return out;
		});
	}

	/**
	 * The n-th (0-based) occurrence of {@code inner} inside each occurrence of {@code outer}; from the end when
	 * {@code fromEnd} ("the last Friday of May", "the second last day of the year"); only whole occurrences count
	 * from the end ("the last week of September" is the last Monday-to-Sunday week inside it).
	 */
	static TimePredicate nthOf(int n, boolean fromEnd, TimePredicate inner, TimePredicate outer) {
		return new Simple(inner.grain(), outer.period(), (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (Occurrence o : outer.within(ref, w.from().minusYears(1), w.until())) {
				var inside = new ArrayList<Occurrence>();
				for (Occurrence i : inner.within(ref, o.start(), o.end())) {
					if (!i.start().isBefore(o.start()) && (!fromEnd || !i.end().isAfter(o.end()))) {
						inside.add(i);
					}
				}
				int k = fromEnd ? inside.size() - 1 - n : n;
				if (k >= 0 && k < inside.size() && inside.get(k).end().isAfter(w.from())) {
					out.add(inside.get(k));
				}
			}
			return out;
		});
	}

	/** The unit containing the start of each occurrence, moved by n ("the week of Oct 7", "the day after Christmas"). */
	static TimePredicate shiftCycle(Unit unit, int n, TimePredicate base) {
		return new Simple(unit, base.period(), (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			long span = Math.abs(n) + 1L;
			for (Occurrence o : base.within(ref, unit.plus(w.from(), -span), unit.plus(w.until(), span))) {
				Occurrence s = occ(unit.plus(unit.truncate(o.start()), n), unit);
				if (s.end().isAfter(w.from()) && s.start().isBefore(w.until())) {
					out.add(s);
				}
			}
			return out;
		});
	}

	/** Each occurrence moved by an amount ("3 days after Christmas"), with the grain of the amount. */
	static TimePredicate shift(Amount amount, TimePredicate base) {
		Unit grain = amount.unit().compareTo(base.grain()) <= 0 ? amount.unit() : base.grain();
		return new Simple(grain, base.period(), (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (Occurrence o : base.within(ref, amount.minus(w.from()), amount.minus(w.until()))) {
				Occurrence s = occ(amount.plus(o.start()), grain);
				if (s.end().isAfter(w.from()) && s.start().isBefore(w.until())) {
					out.add(s);
				}
			}
			return out;
		});
	}

	/** An interval from each occurrence of {@code a} to the next occurrence of {@code b}. */
	static TimePredicate interval(TimePredicate a, TimePredicate b, boolean closed) {
		return new Simple(a.grain(), a.period(), (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (Occurrence o : a.within(ref, w.from(), w.until())) {
				for (Occurrence e : b.within(ref, o.start(), o.start().plusYears(2))) {
					if (!e.start().isBefore(o.start()) && e.end().isAfter(o.end())) {
						LocalDateTime end = closed ? e.end() : e.start();
						if (end.isAfter(o.start())) {
							out.add(new Occurrence(o.start(), end, o.grain(), true));
						}
						break;
					}
				}
				if (!out.isEmpty()) {
					break;
				}
			}
			return out;
		});
	}

	/** Days {@code from} to {@code to} (0: the end) of each month of {@code months}: "early March" = 1-10. */
	static TimePredicate partOfMonth(TimePredicate months, int from, int to) {
		return new Simple(Unit.DAY, months.period(), (ref, w) -> {
			var out = new ArrayList<Occurrence>();
			for (Occurrence m : months.within(ref, w.from(), w.until())) {
				LocalDateTime s = m.start().withDayOfMonth(from);
				LocalDateTime e = to == 0 ? m.end() : m.start().withDayOfMonth(to);
				if (e.isAfter(w.from())) {
					out.add(new Occurrence(s, e, Unit.DAY, true));
				}
			}
			return out;
		});
	}

	/** An amount of time: "3 days", "2.5 hours", "a year and a half". */
	record Amount(long months, long seconds, Unit unit) {

		static Amount of(double n, Unit unit) {
			return switch (unit) {
				case YEAR -> n == Math.rint(n) ? new Amount((long) n * 12, 0, unit) : new Amount(Math.round(n * 12), 0, Unit.MONTH);
				case QUARTER -> new Amount(Math.round(n * 3), 0, unit);
				case MONTH -> n == Math.rint(n) ? new Amount((long) n, 0, unit) : new Amount(0, Math.round(n * 30 * 86400), Unit.DAY);
				case WEEK -> new Amount(0, Math.round(n * 7 * 86400), n == Math.rint(n) ? unit : Unit.DAY);
				case DAY -> new Amount(0, Math.round(n * 86400), n == Math.rint(n) ? unit : Unit.HOUR);
				case HOUR -> new Amount(0, Math.round(n * 3600), n == Math.rint(n) ? unit : Unit.MINUTE);
				case MINUTE -> new Amount(0, Math.round(n * 60), n == Math.rint(n) ? unit : Unit.SECOND);
				case SECOND -> new Amount(0, Math.round(n), unit);
			};
		}

		Amount and(Amount other) {
			Unit finer = unit.compareTo(other.unit) <= 0 ? unit : other.unit;
			return new Amount(months + other.months, seconds + other.seconds, finer);
		}

		LocalDateTime plus(LocalDateTime t) {
			return t.plusMonths(months).plusSeconds(seconds);
		}

		LocalDateTime minus(LocalDateTime t) {
			return t.minusSeconds(seconds).minusMonths(months);
		}
	}

	static int quarterOf(LocalDate d) {
		return d.get(IsoFields.QUARTER_OF_YEAR);
	}
}
