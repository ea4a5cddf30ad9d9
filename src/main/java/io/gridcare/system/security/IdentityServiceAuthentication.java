package io.gridcare.system.security;

import java.util.List;

import io.gridcare.system.Access;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Checks HTTP Basic credentials against the engine's users (the ones managed in the Admin webapp), with Camunda's
 * own lock-out after repeated failures. Replaceable by an OIDC resource server: everything downstream only sees
 * a Spring {@link Authentication} with group authorities.
 */
final class IdentityServiceAuthentication implements AuthenticationProvider {

  private final IdentityService identityService;

  IdentityServiceAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null,
        AuthorityUtils.createAuthorityList(Access.authoritiesOf(groups)));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
