package io.gridcare.notifications;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recipient lacks values the template needs: variables it uses outside any {@code {{#section}}} and those the
 * ZNS template takes. The message is not sent rather than sent with gaps.
 */
public class TemplateMissingVariablesException extends RuntimeException {

  private final transient Set<String> missing;

  public TemplateMissingVariablesException(NoticeType type, int version, Set<String> missing) {
    super("Thiếu giá trị cho " + missing + " (mẫu " + type + " v" + version + ") / Missing values for " + missing
        + " (template " + type + " v" + version + ")");
    this.missing = Collections.unmodifiableSet(new TreeSet<>(missing));
  }

  public Set<String> missing() {
    return missing;
  }
}
