package io.gridcare.customers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/** Turns a profile into its search document: the fields staff search and filter by, nothing more. */
@Component
class SearchDocuments {

  /** Staff find a customer by the last digits of a phone number, from four on. */
  static final int SHORTEST_TAIL = 4;

  private final ObjectMapper json;

  SearchDocuments(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode of(CustomerStore.Indexable customer) {
    CustomerProfile profile = read(customer.profile());
    ObjectNode document = json.createObjectNode();
    document.put("code", customer.code());
    document.put("unitCode", profile.unitCode());
    if (profile.identity() != null) {
      document.put("name", profile.identity().fullName());
      if (profile.identity().customerType() != null) {
        document.put("customerType", profile.identity().customerType().name());
      }
    }
    if (profile.location() != null) {
      document.put("address", profile.location().address());
      document.put("district", profile.location().district());
      document.put("substation", profile.location().substation());
      document.put("feeder", profile.location().feeder());
      document.put("meterBook", profile.location().meterBook());
    }
    document.put("segment", customer.segment());
    customer.regionalGroups().forEach(document.putArray("regionalGroups")::add);
    phoneTails(profile).forEach(document.putArray("phoneTails")::add);
    reachable(profile).forEach(channel -> document.withArray("channels").add(channel.name()));
    return document;
  }

  /** The channels a notice could reach the customer on, minus those the customer refused. */
  static Set<Channel> reachable(CustomerProfile profile) {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    CustomerProfile.Contact contact = profile.contact();
    if (contact == null) {
      return channels;
    }
    if (contact.appRegistered() && !contact.pushTokens().isEmpty()) {
      channels.add(Channel.APP);
    }
    if (contact.zaloUserId() != null) {
      channels.add(Channel.ZALO);
    }
    if (contact.email() != null) {
      channels.add(Channel.EMAIL);
    }
    if (contact.mobile() != null) {
      channels.add(Channel.SMS);
    }
    channels.removeAll(contact.optedOut());
    return channels;
  }

  /** Every ending of the national numbers ({@code 5678}, {@code 45678} ... {@code 912345678}). */
  static List<String> phoneTails(CustomerProfile profile) {
    Set<String> tails = new LinkedHashSet<>();
    if (profile.contact() != null) {
      for (String phone : new String[] {profile.contact().mobile(), profile.contact().alternatePhone()}) {
        if (phone != null && phone.startsWith("+84")) {
          String national = phone.substring(3);
          for (int length = SHORTEST_TAIL; length <= national.length(); length++) {
            tails.add(national.substring(national.length() - length));
          }
        }
      }
    }
    return new ArrayList<>(tails);
  }

  /** What a typed number means as a tail: digits only, without the leading 0 or 84 of a whole number. */
  static String phoneTail(String typed) {
    String digits = typed.replaceAll("[\\s.+()-]", "");
    if (!digits.matches("[0-9]{" + SHORTEST_TAIL + ",15}")) {
      return null;
    }
    if (digits.startsWith("84") && digits.length() >= 11) {
      return digits.substring(2);
    }
    return digits.startsWith("0") && digits.length() >= 10 ? digits.substring(1) : digits;
  }

  private CustomerProfile read(String profile) {
    try {
      return json.readValue(profile, CustomerProfile.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored profile no longer reads", e);
    }
  }
}
