package io.gridcare.notifications.web;

import java.security.Principal;
import java.time.Instant;

import io.gridcare.notifications.ZaloOaTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Zalo OA's tokens: workers take the current access token from here (the servers keep and renew it), admins
 * see how its renewal goes and hand in a new refresh token after authorising the application again.
 */
@RestController
@Tag(name = "Channels", description = "Báo nhận từ các kênh / Receipts from channels")
class ZaloOaTokenController {

  private final ZaloOaTokens tokens;

  ZaloOaTokenController(ZaloOaTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/api/channels/zalo/access-token")
  @Operation(summary = "Access token hiện hành của Zalo OA / The Zalo OA's current access token (workers)",
      description = "503 while the server has no valid token (not configured, or its renewal failing).")
  AccessToken accessToken() {
    return tokens.accessToken().map(token -> new AccessToken(token.accessToken(), token.expiresAt()))
        .orElseThrow(() -> unavailable("Máy chủ chưa có access token hợp lệ của Zalo OA / The server has no valid "
            + "Zalo OA access token: set GRIDCARE_ZALO_REFRESH_TOKEN or PUT /api/channels/zalo/credentials"));
  }

  @GetMapping("/api/channels/zalo/credentials")
  @Operation(summary = "Tình trạng token của Zalo OA / How the Zalo OA's tokens stand (no token shown)")
  ZaloOaTokens.Status status() {
    return tokens.status();
  }

  @PutMapping("/api/channels/zalo/credentials")
  @Operation(summary = "Thay refresh token của Zalo OA / Replace the Zalo OA's refresh token (admins)",
      description = "After an OA admin authorised the application again. The token is exchanged at once; one Zalo "
          + "refuses is answered 400 and changes nothing.")
  ZaloOaTokens.Status replace(@RequestBody @Valid Credentials credentials, Principal who) {
    try {
      return tokens.replace(credentials.refreshToken(), who.getName());
    } catch (ZaloOaTokens.Unavailable e) {
      throw unavailable(e.getMessage());
    }
  }

  private static ErrorResponseException unavailable(String detail) {
    return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail), null);
  }

  record AccessToken(String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
      return "AccessToken[expiresAt=" + expiresAt + "]";
    }
  }

  record Credentials(@NotBlank @Size(max = 1000) String refreshToken) {

    @Override
    public String toString() {
      return "Credentials[]";
    }
  }
}
