package cn.shaoxing.pilotbase.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable, declared once (in a {@link ProcessVariables} class of its process) with its
 * name and type. Reading is lenient about the shape a value arrives in (see {@link Vars}); writing
 * stores the declared type (a {@link Choice} as its value string, which diagrams and forms compare).
 *
 * <pre>
 *   static final Variable&lt;Integer&gt; ROUND_YEAR = Variable.integer("roundYear");
 *   int year = ROUND_YEAR.of(execution);
 *   ROUND_YEAR.set(execution, 2026);
 * </pre>
 */
public final class Variable<T> {

  private final String name;
  private final BiFunction<Map<String, Object>, String, T> reader;
  private final List<String> choices;

  private Variable(String name, BiFunction<Map<String, Object>, String, T> reader) {
    this(name, reader, List.of());
  }

  private Variable(String name, BiFunction<Map<String, Object>, String, T> reader,
      List<String> choices) {
    this.name = Objects.requireNonNull(name);
    this.reader = reader;
    this.choices = choices;
  }

  public static Variable<String> text(String name) {
    return new Variable<>(name, Vars::str);
  }

  public static Variable<Integer> integer(String name) {
    return new Variable<>(name, (v, k) -> {
      BigDecimal n = Vars.num(v, k);
      return n == null ? null : n.intValue();
    });
  }

  public static Variable<BigDecimal> number(String name) {
    return new Variable<>(name, Vars::num);
  }

  /** A yes/no value; reads as null when missing (use {@link #isTrue}). */
  public static Variable<Boolean> flag(String name) {
    return new Variable<>(name, Vars::bool);
  }

  /** A calendar date (Shaoxing), from a LocalDate, Date or ISO string. */
  public static Variable<LocalDate> date(String name) {
    return new Variable<>(name, Vars::date);
  }

  /** An instant as the engine keeps it (timers and due dates wait on these). */
  public static Variable<Date> instant(String name) {
    return new Variable<>(name, (v, k) -> v.get(k) instanceof Date d ? d : null);
  }

  public static Variable<List<String>> strings(String name) {
    return new Variable<>(name, Vars::strings);
  }

  /** A value of any type the engine stores (e.g. Spin JSON for a form's dynamic options). */
  public static Variable<Object> value(String name) {
    return new Variable<>(name, Map::get);
  }

  /** One of a closed set of values: the option values of a form field, as an enum. */
  public static <E extends Enum<E> & Choice> Variable<E> choice(String name, Class<E> type) {
    return new Variable<>(name, (v, k) -> {
      String s = Vars.str(v, k);
      return s == null ? null : Arrays.stream(type.getEnumConstants())
          .filter(e -> e.value().equals(s)).findFirst().orElse(null);
    }, Arrays.stream(type.getEnumConstants()).map(Choice::value).toList());
  }

  public String name() {
    return name;
  }

  /** The values a choice variable may take (empty for other variables). */
  public List<String> choices() {
    return choices;
  }

  public T of(VariableScope scope) {
    return of(scope.getVariables());
  }

  public T of(Map<String, Object> variables) {
    return reader.apply(variables, name);
  }

  public boolean isTrue(VariableScope scope) {
    return Boolean.TRUE.equals(of(scope));
  }

  public boolean isTrue(Map<String, Object> variables) {
    return Boolean.TRUE.equals(of(variables));
  }

  public boolean present(Map<String, Object> variables) {
    return Vars.present(variables, name);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, stored(value));
  }

  /** For the variables map of a start or a completion (tests, process starts). */
  public void put(Map<String, Object> variables, T value) {
    variables.put(name, stored(value));
  }

  private Object stored(T value) {
    return value instanceof Choice c ? c.value() : value;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * A value of a closed set as diagrams and forms spell it (e.g. {@code "sendBack"}), implemented by
   * enums. By default the value is the constant's name in lower camel case ({@code SEND_BACK} →
   * {@code sendBack}); an enum whose values are spelt otherwise overrides {@link #value}.
   */
  public interface Choice {
    default String value() {
      String[] words = ((Enum<?>) this).name().toLowerCase(Locale.ROOT).split("_");
      StringBuilder value = new StringBuilder(words[0]);
      for (int i = 1; i < words.length; i++) {
        value.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
      return value.toString();
    }
  }
}
