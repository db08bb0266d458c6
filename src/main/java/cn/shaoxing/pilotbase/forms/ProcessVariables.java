package cn.shaoxing.pilotbase.forms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that declares the variables of one or more processes: its {@code static final}
 * {@link Variable} fields. Each name is declared once per process; the build checks that every
 * variable a diagram's expressions or its forms' templates use is a declared variable or a key of
 * one of the process's forms ({@code ProcessVariablesTest}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProcessVariables {

  /** The process definition keys (the ids of the {@code bpmn:process} elements). */
  String[] value();
}
