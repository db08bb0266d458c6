package cn.shaoxing.pilotbase.platform;

import cn.shaoxing.pilotbase.forms.ProcessVariables;
import cn.shaoxing.pilotbase.forms.Variable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the variable names of the diagrams and forms against what the code declares: every
 * variable an expression of a diagram uses (conditions, assignees, due dates, timers, listeners,
 * call-activity mappings) and every variable a form's template, FEEL expression or dynamic options
 * use must be a key of one of the process's forms or declared in a {@link ProcessVariables} class of
 * that process; a string compared with a variable must be one of its values (form options or the
 * choice enum). So an administrator's diagram or form edit that breaks a name fails the build.
 */
final class ProcessVariableCheck {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** Names the engine provides inside expressions. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "nrOfInstances",
      "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");
  static final Set<String> JUEL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "empty", "true", "false", "null", "div", "mod", "instanceof");
  static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "null", "true", "false", "if", "then",
      "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "is",
      "defined", "function");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\()");
  private static final Pattern COMPARISON = Pattern.compile(
      "(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\s*(?:==|!=|=|eq|ne)\\s*(?:'([^']*)'|\"([^\"]*)\")");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*#?/?\\s*([A-Za-z_][\\w.]*)");

  /** One form: its id, keys with their option values (empty when free input), and its JSON. */
  record Form(String id, Map<String, Set<String>> keys, JsonNode json) {}

  /** What the Java code declares: process key to variable name to its choice values (maybe empty). */
  static Map<String, Map<String, Set<String>>> declarations(List<String> problems) {
    Map<String, Map<String, Set<String>>> out = new HashMap<>();
    Map<String, String> declaredIn = new HashMap<>();
    Map<String, Variable<?>> declaredAs = new HashMap<>();
    for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("cn.shaoxing.pilotbase")) {
      if (!c.isAnnotatedWith(ProcessVariables.class)) {
        continue;
      }
      Class<?> type = c.reflect();
      String[] processes = type.getAnnotation(ProcessVariables.class).value();
      for (Field f : type.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Variable.class) {
          continue;
        }
        Variable<?> v;
        try {
          f.setAccessible(true);
          v = (Variable<?>) f.get(null);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
        for (String p : processes) {
          String where = type.getSimpleName() + "." + f.getName();
          // one declaration may be re-exposed (the same Variable object), not declared again
          Variable<?> same = declaredAs.putIfAbsent(p + "/" + v.name(), v);
          String before = declaredIn.putIfAbsent(p + "/" + v.name(), where);
          if (same != null && same != v) {
            problems.add("变量 " + v.name() + " 在流程 " + p + " 中声明了两次：" + before + " 与 " + where);
          }
          out.computeIfAbsent(p, k -> new HashMap<>()).put(v.name(), new TreeSet<>(v.choices()));
        }
      }
    }
    return out;
  }

  static Form form(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      Map<String, Set<String>> keys = new LinkedHashMap<>();
      collectKeys(root, keys);
      return new Form(root.path("id").asText(), keys, root);
    } catch (Exception e) {
      throw new IllegalStateException("表单不是合法的JSON", e);
    }
  }

  private static void collectKeys(JsonNode node, Map<String, Set<String>> keys) {
    if (node.isObject()) {
      if (node.hasNonNull("key")) {
        Set<String> values = new TreeSet<>();
        node.path("values").forEach(o -> values.add(o.path("value").asText()));
        keys.put(node.get("key").asText(), values);
      }
      // a table's columns name fields of its rows (dataSource), not process variables
      node.fields().forEachRemaining(e -> {
        if (!"columns".equals(e.getKey())) {
          collectKeys(e.getValue(), keys);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectKeys(child, keys));
    }
  }

  private final Map<String, Map<String, Set<String>>> declared;
  private final Map<String, Form> forms;
  private final Set<String> beans;
  final List<String> problems = new ArrayList<>();

  ProcessVariableCheck(Map<String, Map<String, Set<String>>> declared, Map<String, Form> forms,
      Set<String> beans) {
    this.declared = declared;
    this.forms = forms;
    this.beans = beans;
  }

  /** Checks one diagram file and the forms it references. */
  void checkDiagram(String file, String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
    for (int i = 0; i < processes.getLength(); i++) {
      Element process = (Element) processes.item(i);
      String key = process.getAttribute("id");
      Map<String, Set<String>> known = new HashMap<>(declared.getOrDefault(key, Map.of()));
      Set<String> formIds = new LinkedHashSet<>();
      Set<String> local = new LinkedHashSet<>();
      walk(process, e -> {
        String ref = e.getAttributeNS(CAMUNDA, "formRef");
        if (!ref.isEmpty()) {
          formIds.add(ref);
        }
        if (CAMUNDA.equals(e.getNamespaceURI()) && "inputParameter".equals(e.getLocalName())) {
          local.add(e.getAttribute("name"));
        }
      });
      for (String id : formIds) {
        Form form = forms.get(id);
        if (form == null) {
          problems.add(file + "：引用了不存在的表单 " + id);
          continue;
        }
        form.keys().forEach((k, values) -> known.merge(k, values, (a, b) -> {
          Set<String> all = new TreeSet<>(a);
          all.addAll(b);
          return all;
        }));
      }
      String where = file + "（" + key + "）";
      walk(process, e -> checkElement(where, e, known, local));
      for (String id : formIds) {
        Form form = forms.get(id);
        if (form != null) {
          checkForm(where + " 表单 " + id, form, known);
        }
      }
    }
  }

  private void checkElement(String where, Element e, Map<String, Set<String>> known, Set<String> local) {
    String element = where + " " + (e.hasAttribute("id") ? e.getAttribute("id") : e.getLocalName());
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      checkExpressions(element + " @" + a.getLocalName(), a.getValue(), known, local);
      if (CAMUNDA.equals(a.getNamespaceURI())
          && Set.of("collection", "elementVariable", "initiator", "resultVariable").contains(a.getLocalName())
          && !a.getValue().contains("{")) {
        requireName(element + " @" + a.getLocalName(), a.getValue(), known, local);
      }
    }
    if (CAMUNDA.equals(e.getNamespaceURI()) && Set.of("in", "out").contains(e.getLocalName())) {
      for (String attr : List.of("source", "target")) {
        if (e.hasAttribute(attr)) {
          requireName(element + " @" + attr, e.getAttribute(attr), known, local);
        }
      }
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        checkExpressions(element, n.getNodeValue(), known, local);
      }
    }
  }

  private void checkExpressions(String where, String text, Map<String, Set<String>> known,
      Set<String> local) {
    Matcher m = EXPRESSION.matcher(text);
    while (m.find()) {
      String body = m.group(1);
      checkComparisons(where, body, known);
      Matcher n = NAME.matcher(STRING.matcher(body).replaceAll("''"));
      while (n.find()) {
        String name = n.group(1);
        if (!JUEL_WORDS.contains(name)) {
          requireName(where + " ${" + body + "}", name, known, local);
        }
      }
    }
  }

  private void requireName(String where, String name, Map<String, Set<String>> known, Set<String> local) {
    if (!known.containsKey(name) && !beans.contains(name) && !ENGINE_NAMES.contains(name)
        && !local.contains(name)) {
      problems.add(where + "：变量 " + name + " 既不是本流程表单的字段，也未在代码中声明");
    }
  }

  private void checkComparisons(String where, String expression, Map<String, Set<String>> known) {
    Matcher c = COMPARISON.matcher(expression);
    while (c.find()) {
      String name = c.group(1);
      String value = c.group(2) != null ? c.group(2) : c.group(3);
      Set<String> values = known.get(name);
      if (values != null && !values.isEmpty() && !values.contains(value)) {
        problems.add(where + "：变量 " + name + " 没有取值 '" + value + "'（可取 " + values + "）");
      }
    }
  }

  private void checkForm(String where, Form form, Map<String, Set<String>> known) {
    walkJson(form.json(), (field, value) -> {
      if (value.startsWith("=")) {
        String feel = value.substring(1);
        checkComparisons(where + " " + field, feel, known);
        Matcher n = NAME.matcher(STRING.matcher(feel).replaceAll("\"\""));
        while (n.find()) {
          if (!FEEL_WORDS.contains(n.group(1))) {
            requireName(where + " " + field + " " + value, n.group(1), known, Set.of());
          }
        }
      } else if ("valuesKey".equals(field)) {
        requireName(where + " valuesKey", value, known, Set.of());
      }
      Matcher t = TEMPLATE.matcher(value);
      while (t.find()) {
        String name = t.group(1).split("\\.")[0];
        if (!Set.of("this", "parent", "_parent_", "if", "loop", "each", "else").contains(name)) {
          requireName(where + " " + field + " {{" + t.group(1) + "}}", name, known, Set.of());
        }
      }
    });
  }

  private interface ElementVisitor {
    void visit(Element e);
  }

  private static void walk(Element e, ElementVisitor v) {
    v.visit(e);
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        walk(child, v);
      }
    }
  }

  private interface TextVisitor {
    void visit(String field, String value);
  }

  private static void walkJson(JsonNode node, TextVisitor v) {
    if (node.isObject()) {
      node.fields().forEachRemaining(entry -> {
        if (entry.getValue().isTextual()) {
          v.visit(entry.getKey(), entry.getValue().asText());
        } else {
          walkJson(entry.getValue(), v);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> walkJson(child, v));
    }
  }
}
