package io.gridcare.system.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gridcare.system.Access;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Checks HTTP Basic credentials against the engine's users (the ones managed in the Admin webapp), with Camunda's
 * own lock-out after repeated failures. Replaceable by an OIDC resource server: everything downstream only sees
 * a Spring {@link Authentication} with group authorities.
 *
 * <p>Workers call with the same credentials hundreds of times a second, and each check is a password hash and two
 * queries. So a successful check is remembered for {@link #REMEMBERED} by the user and a SHA-256 of the password
 * (never the password itself): a changed password, a removed group or a locked-out user takes effect for API
 * clients within that time. Failures are never remembered, so Camunda still counts every wrong attempt.
 */
final class IdentityServiceAuthentication implements AuthenticationProvider {

  static final Duration REMEMBERED = Duration.ofSeconds(30);

  private final IdentityService identityService;
  private final Cache<String, List<GrantedAuthority>> checked = Caffeine.newBuilder()
      .expireAfterWrite(REMEMBERED).maximumSize(1_000).build();

  IdentityServiceAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    String key = user + ':' + sha256(credentials.toString());
    List<GrantedAuthority> authorities = checked.getIfPresent(key);
    if (authorities == null) {
      if (!identityService.checkPassword(user, credentials.toString())) {
        throw new BadCredentialsException("Bad credentials");
      }
      List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      authorities = AuthorityUtils.createAuthorityList(Access.authoritiesOf(groups));
      checked.put(key, authorities);
    }
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String sha256(String password) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
