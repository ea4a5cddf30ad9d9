package io.gridcare.notifications.worker;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Zalo's answer to one {@code POST /message/template} means for GridCare. Zalo answers HTTP 200 with
 * {@code {"error":0,"data":{"msg_id":...}}} on success and a negative {@code error} otherwise. Codes from Zalo's
 * table (https://zalo.cloud/zns/guidelines/handle-error-code and the ZNS API reference on developers.zalo.me):
 * <ul>
 *   <li>the recipient cannot have this message on Zalo, or the OA's quota is used up: {@link SendOutcome.Rejected}
 *   with the code, so the recipient moves on to the next channel today rather than wait for tomorrow's quota;</li>
 *   <li>the OA's set-up is wrong (access token, app, template): every message fails the same way until an operator
 *   fixes it, so {@link SendOutcome.NotSent}: the task fails and shows up as an incident instead of quietly moving
 *   every customer to paid SMS;</li>
 *   <li>-100 (Zalo's "unknown error, try again later"), HTTP 429, 5xx and anything that is not Zalo's JSON:
 *   {@link SendOutcome.NotSent}, to be tried again;</li>
 *   <li>a code not listed here: {@link SendOutcome.Rejected} with Zalo's own message, so the customer is still
 *   reached on the next channel and the code shows in the ledger.</li>
 * </ul>
 */
final class ZnsAnswers {

  static final int SUCCESS = 0;
  static final int UNKNOWN_ERROR = -100;
  static final int PHONE_INVALID = -108;
  static final int USER_INACTIVE = -114;
  static final int OUT_OF_QUOTA = -115;
  static final int NO_ZALO_ACCOUNT = -118;
  static final int ACCESS_TOKEN_INVALID = -124;

  /** The recipient's side (or the OA's quota): the next channel may still reach them. */
  private static final Map<Integer, String> RECIPIENT = Map.of(
      PHONE_INVALID, "Số điện thoại không hợp lệ / Phone number invalid",
      -110, "Ứng dụng Zalo của người nhận quá cũ / The recipient's Zalo version is not supported",
      USER_INACTIVE, "Người nhận không hoạt động, đã chặn OA hoặc từ chối nhận ZNS / "
          + "User inactive, blocked the OA or declined ZNS",
      OUT_OF_QUOTA, "OA đã hết hạn mức gửi ZNS / Out of quota: the OA's ZNS quota is used up",
      NO_ZALO_ACCOUNT, "Số điện thoại không có tài khoản Zalo / No Zalo account for this phone number");

  /** The OA's set-up: the same for every message until an operator acts. */
  private static final Map<Integer, String> SET_UP = Map.ofEntries(
      Map.entry(-101, "Ứng dụng Zalo không hợp lệ / Zalo application invalid"),
      Map.entry(-102, "Ứng dụng Zalo không tồn tại / Zalo application does not exist"),
      Map.entry(-103, "Ứng dụng Zalo chưa kích hoạt / Zalo application not activated"),
      Map.entry(-104, "Secret key của ứng dụng không hợp lệ / Zalo application secret key invalid"),
      Map.entry(-105, "Ứng dụng chưa liên kết với OA / Zalo application not linked to an OA"),
      Map.entry(-106, "Phương thức không được hỗ trợ / Method unsupported"),
      Map.entry(-109, "Mẫu ZNS không hợp lệ / ZNS template id invalid"),
      Map.entry(-111, "Mẫu ZNS không có dữ liệu / ZNS template data empty"),
      Map.entry(-112, "Dữ liệu mẫu ZNS không hợp lệ / ZNS template data invalid"),
      Map.entry(-117, "OA không có quyền dùng mẫu ZNS này / The OA may not use this ZNS template"),
      Map.entry(ACCESS_TOKEN_INVALID, "Access token của OA không hợp lệ hoặc hết hạn / OA access token invalid "
          + "or expired: see the server's Zalo token (GET /api/channels/zalo/credentials)"));

  private ZnsAnswers() {
  }

  /** Whether Zalo refused the request's access token (-124): a newer token may pass. */
  static boolean accessTokenInvalid(int status, String body, ObjectMapper json) {
    if (status != 200 || body == null || !body.contains(String.valueOf(ACCESS_TOKEN_INVALID))) {
      return false;
    }
    try {
      return json.readTree(body).path("error").asInt(SUCCESS) == ACCESS_TOKEN_INVALID;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** The outcome of one answer: HTTP status and body as Zalo sent them. */
  static SendOutcome outcome(String deliveryKey, int status, String body, ObjectMapper json) {
    if (status == 429 || status >= 500) {
      return new SendOutcome.NotSent(deliveryKey, "Zalo tạm thời không nhận tin / Zalo answered HTTP " + status);
    }
    if (status != 200) {
      return new SendOutcome.NotSent(deliveryKey, "Zalo trả lời HTTP " + status + " / Zalo answered HTTP " + status
          + ": check gridcare.channels.zalo.base-url");
    }
    JsonNode answer;
    try {
      answer = json.readTree(body);
    } catch (JsonProcessingException e) {
      answer = null;
    }
    if (answer == null || !answer.path("error").canConvertToInt()) {
      return new SendOutcome.NotSent(deliveryKey,
          "Zalo trả lời không đúng định dạng / Zalo answered something other than its JSON");
    }
    int error = answer.path("error").asInt();
    if (error == SUCCESS) {
      JsonNode messageId = answer.path("data").path("msg_id");
      return new SendOutcome.Accepted(deliveryKey, messageId.isTextual() ? messageId.asText() : null, 1, false);
    }
    if (RECIPIENT.containsKey(error)) {
      return new SendOutcome.Rejected(deliveryKey, String.valueOf(error), RECIPIENT.get(error), List.of());
    }
    if (SET_UP.containsKey(error)) {
      return new SendOutcome.NotSent(deliveryKey, "Zalo " + error + ": " + SET_UP.get(error));
    }
    String message = zaloMessage(answer);
    if (error == UNKNOWN_ERROR) {
      return new SendOutcome.NotSent(deliveryKey, "Zalo " + error + ": " + message);
    }
    return new SendOutcome.Rejected(deliveryKey, String.valueOf(error), "Zalo " + error + ": " + message, List.of());
  }

  /** Zalo's own text, shortened: it names the problem, not the recipient. */
  private static String zaloMessage(JsonNode answer) {
    String message = answer.path("message").asText("");
    return message.length() > 200 ? message.substring(0, 200) : message;
  }
}
