package io.gridcare.notifications;

import java.math.BigDecimal;
import java.util.Map;

import io.gridcare.customers.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a message costs, in VND: App push and e-mail are free, a ZNS message has one price, an SMS segment costs
 * by the recipient's carrier (its mobile prefix, without the 84), and {@code sms-default} for prefixes not listed.
 */
@ConfigurationProperties("gridcare.notifications.prices")
public record ChannelPrices(@DefaultValue("0") BigDecimal app, @DefaultValue("0") BigDecimal email,
                            @DefaultValue("250") BigDecimal zalo, @DefaultValue("850") BigDecimal smsDefault,
                            Map<String, BigDecimal> smsByPrefix) {

  public ChannelPrices {
    smsByPrefix = smsByPrefix == null ? Map.of() : Map.copyOf(smsByPrefix);
  }

  /** The price of a message of {@code segments} to this address on this channel. */
  public BigDecimal of(Channel channel, String address, int segments) {
    return switch (channel) {
      case APP -> app;
      case EMAIL -> email;
      case ZALO -> zalo;
      case SMS -> smsSegment(address).multiply(BigDecimal.valueOf(Math.max(1, segments)));
    };
  }

  /** The price of one SMS segment to this phone (E.164): the longest listed prefix decides. */
  public BigDecimal smsSegment(String phone) {
    String national = phone == null ? "" : phone.replaceFirst("^\\+?84", "");
    BigDecimal price = smsDefault;
    int longest = 0;
    for (Map.Entry<String, BigDecimal> entry : smsByPrefix.entrySet()) {
      if (national.startsWith(entry.getKey()) && entry.getKey().length() > longest) {
        price = entry.getValue();
        longest = entry.getKey().length();
      }
    }
    return price;
  }
}
