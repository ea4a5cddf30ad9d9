package io.gridcare.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class IdentityServiceAuthenticationTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final IdentityServiceAuthentication authentication = new IdentityServiceAuthentication(identity);

  @BeforeEach
  void workerAccount() {
    when(identity.checkPassword("worker", "right")).thenReturn(true);
    when(identity.checkPassword("worker", "wrong")).thenReturn(false);
    Group workers = mock(Group.class);
    when(workers.getId()).thenReturn("gridcare-workers");
    when(identity.createGroupQuery().groupMember("worker").list()).thenReturn(List.of(workers));
  }

  @Test
  void aSuccessfulCheckIsRememberedForTheSamePassword() {
    Authentication first = authentication.authenticate(login("worker", "right"));
    Authentication second = authentication.authenticate(login("worker", "right"));

    assertThat(second.isAuthenticated()).isTrue();
    assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrderElementsOf(first.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .toList())
        .isNotEmpty();
    assertThat(second.getCredentials()).isNull();
    verify(identity, times(1)).checkPassword("worker", "right");
  }

  @Test
  void aWrongPasswordIsCheckedEveryTimeEvenAfterTheRightOne() {
    authentication.authenticate(login("worker", "right"));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> authentication.authenticate(login("worker", "wrong")))
          .isInstanceOf(BadCredentialsException.class);
    }
    // every failure reaches Camunda, which counts them for its lock-out
    verify(identity, times(3)).checkPassword("worker", "wrong");
  }

  @Test
  void anotherUsersPasswordIsNotTakenFromTheCache() {
    authentication.authenticate(login("worker", "right"));
    when(identity.checkPassword("intruder", "right")).thenReturn(false);

    assertThatThrownBy(() -> authentication.authenticate(login("intruder", "right")))
        .isInstanceOf(BadCredentialsException.class);
    verify(identity, times(1)).checkPassword("intruder", "right");
  }

  private static UsernamePasswordAuthenticationToken login(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }
}
