package io.gridcare.notifications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.gridcare.customers.Audience;
import io.gridcare.customers.Channel;
import io.gridcare.customers.CustomerAudiences;
import io.gridcare.customers.CustomerProfile;
import io.gridcare.customers.CustomerProfiles;
import org.springframework.stereotype.Component;

/**
 * What a supervisor sees before approving a mass notice: the text as a customer of the audience will read it,
 * and the channel mix and SMS cost estimated from a sample of up to 1000 of its customers (their first usable
 * channel: App, Zalo, e-mail, then SMS).
 */
@Component
class NoticePreview {

  private static final int SAMPLE = 1000;

  private final CustomerAudiences audiences;
  private final CustomerProfiles profiles;
  private final NoticeTemplates templates;
  private final ChannelPrices prices;

  NoticePreview(CustomerAudiences audiences, CustomerProfiles profiles, NoticeTemplates templates,
      ChannelPrices prices) {
    this.audiences = audiences;
    this.profiles = profiles;
    this.templates = templates;
    this.prices = prices;
  }

  record Preview(String title, String text, String audienceDescription, String channelMix, String smsCost) {
  }

  Preview of(Notice notice, long audienceSize) {
    String single = (String) notice.audience().get("customerCode");
    Optional<NoticeContact> contact = NoticeContact.of(notice);
    List<String> sample = single != null ? List.of(single)
        : contact.isPresent() ? List.of() : audiences.codes(NoticeAudiences.audience(notice), null, SAMPLE).codes();
    Map<String, CustomerProfile> byCode = profiles.profiles(sample);
    Map<String, Object> values = new HashMap<>(TemplateVariables.samples(notice.type()));
    values.putAll(notice.variables());
    contact.map(NoticeContact::name).ifPresent(name -> values.put("customerName", name));
    byCode.values().stream().findFirst().ifPresent(profile -> {
      values.put("customerCode", profile.code());
      if (profile.identity() != null && profile.identity().fullName() != null) {
        values.put("customerName", profile.identity().fullName());
      }
      if (profile.location() != null && profile.location().address() != null) {
        values.put("address", profile.location().address());
      }
    });
    RenderedTemplate rendered = templates.compiled(notice.type(), notice.templateVersion()).render("vi", values);
    Map<Channel, Integer> first = new EnumMap<>(Channel.class);
    int smsSegments = Math.max(1, SmsSegments.count(rendered.smsText()));
    for (CustomerProfile profile : byCode.values()) {
      for (Channel channel : Channel.values()) {
        if (!OutgoingMessages.addresses(channel, profile, List.of()).isEmpty()) {
          first.merge(channel, 1, Integer::sum);
          break;
        }
      }
    }
    // a contact's first channel is the route's to decide; the phone reaches them on SMS at least
    contact.ifPresent(person -> first.merge(Channel.SMS, 1, Integer::sum));
    int sampled = Math.max(1, first.values().stream().mapToInt(Integer::intValue).sum());
    String mix = first.isEmpty() ? "-" : first.entrySet().stream()
        .map(entry -> label(entry.getKey()) + " " + Math.round(100.0 * entry.getValue() / sampled) + "%")
        .collect(Collectors.joining(" · "));
    BigDecimal smsShare = BigDecimal.valueOf(first.getOrDefault(Channel.SMS, 0)).divide(BigDecimal.valueOf(sampled),
        6, RoundingMode.HALF_UP);
    BigDecimal cost = prices.smsDefault().multiply(BigDecimal.valueOf(smsSegments))
        .multiply(BigDecimal.valueOf(audienceSize)).multiply(smsShare).setScale(0, RoundingMode.HALF_UP);
    return new Preview(rendered.title(), rendered.text(), describe(notice, audienceSize), mix,
        NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(cost) + " đ (ước tính / estimate)");
  }

  private static String describe(Notice notice, long size) {
    String single = (String) notice.audience().get("customerCode");
    if (single != null) {
      return "Khách hàng / Customer " + single;
    }
    Optional<NoticeContact> contact = NoticeContact.of(notice);
    if (contact.isPresent()) {
      return "Người chưa là khách hàng / Not a customer yet"
          + (contact.get().name() == null ? "" : ": " + contact.get().name());
    }
    Audience audience = NoticeAudiences.audience(notice);
    StringBuilder text = new StringBuilder(size + " khách hàng / customers · " + audience.unit());
    if (!audience.substations().isEmpty()) {
      text.append(" · TBA / substations ").append(String.join(", ", audience.substations()));
    }
    if (!audience.feeders().isEmpty()) {
      text.append(" · XT / feeders ").append(String.join(", ", audience.feeders()));
    }
    return text.toString();
  }

  private static String label(Channel channel) {
    return switch (channel) {
      case APP -> "App";
      case ZALO -> "Zalo";
      case EMAIL -> "Email";
      case SMS -> "SMS";
    };
  }
}
