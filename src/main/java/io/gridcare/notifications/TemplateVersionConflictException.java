package io.gridcare.notifications;

/** A change made on an older version than the current one: someone saved in between. */
public class TemplateVersionConflictException extends RuntimeException {

  private final int current;

  public TemplateVersionConflictException(NoticeType type, int basedOn, int current) {
    super("Mẫu " + type + " đã có phiên bản " + current + " mới hơn phiên bản " + basedOn + " đang sửa / Template "
        + type + " is at version " + current + ", the change was made on version " + basedOn);
    this.current = current;
  }

  public int current() {
    return current;
  }
}
