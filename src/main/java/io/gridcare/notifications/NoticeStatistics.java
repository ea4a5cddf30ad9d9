package io.gridcare.notifications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import io.gridcare.customers.Channel;
import io.gridcare.notifications.NotificationStats.AttemptFigures;
import io.gridcare.notifications.NotificationStats.Group;
import io.gridcare.notifications.NotificationStats.RecipientFigures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures over many notices for managers: what was sent, what arrived and was read, what it cost per channel, and
 * what routing to cheaper channels saved against sending every reached recipient an SMS.
 *
 * <p>The all-SMS baseline counts the recipients the notice reached (final status delivered or read): each one as
 * one SMS of the notice's SMS variant. Where the recipient was in fact sent an SMS, that SMS's recorded cost
 * (its segments at its carrier's price); otherwise the segments the notice's SMS variant took, which is the fewest
 * any SMS of that notice recorded (so an estimate never overstates the savings), or one segment when the notice
 * sent no SMS (SMS variants are written to fit one), priced at {@code sms-default}: the ledger keeps no phone
 * number to find the carrier by. Savings are the baseline less what the attempts of those same recipients cost
 * (every channel tried, failed attempts included); recipients never reached are left out of both sides.
 */
@Service
@Transactional(readOnly = true)
public class NoticeStatistics {

  private final NotificationStats stats;
  private final ChannelPrices prices;

  NoticeStatistics(NotificationStats stats, ChannelPrices prices) {
    this.stats = stats;
    this.prices = prices;
  }

  /** How the figures are grouped, by its request parameter. */
  public enum GroupBy {
    CHANNEL("channel"), UNIT("unit"), SUBSTATION("substation"), METER_BOOK("meterBook");

    private final String parameter;

    GroupBy(String parameter) {
      this.parameter = parameter;
    }

    @JsonValue
    public String parameter() {
      return parameter;
    }

    public static Optional<GroupBy> ofParameter(String parameter) {
      return Arrays.stream(values()).filter(value -> value.parameter.equals(parameter)).findFirst();
    }
  }

  /**
   * Notices created in [from, to), of one type and one recipients' unit when given.
   *
   * @param units the units whose recipients may be counted; null for every unit
   */
  public record Query(Instant from, Instant to, NoticeType type, String unit, Set<String> units, GroupBy groupBy) {

    public Query {
      units = units == null ? null : Set.copyOf(units);
    }
  }

  public record Report(Instant from, Instant to, NoticeType type, String unit, GroupBy groupBy, List<Line> groups,
                       Line totals) {
  }

  /**
   * One group (or the totals, key and unit null).
   *
   * @param key          the channel, unit, substation or meter book; null for recipients without one
   * @param unit         the unit of a unit, substation or meter book
   * @param sent         attempts the channel took
   * @param delivered    attempts confirmed delivered (read ones included)
   * @param failed       attempts refused by the channel or reported failed
   * @param expired      attempts without a receipt within the window, or in doubt
   * @param deliveryRate delivered per attempt sent, in percent (null when none was sent)
   * @param readRate     read per attempt sent, in percent
   */
  public record Line(String key, String unit, long notices, long recipients, long sent, long delivered, long read,
                     long failed, long expired, BigDecimal deliveryRate, BigDecimal readRate, long smsMessages,
                     long smsSegments, Map<Channel, BigDecimal> costByChannel, BigDecimal cost, Savings savings) {
  }

  /**
   * Against sending every reached recipient one SMS (see {@link NoticeStatistics}).
   *
   * @param recipients recipients reached (delivered or read)
   * @param smsBaseline what they would have cost all on SMS
   * @param cost       what their attempts cost
   * @param amount     baseline less cost
   * @param percent    amount per baseline, in percent (null when the baseline is zero)
   */
  public record Savings(long recipients, BigDecimal smsBaseline, BigDecimal cost, BigDecimal amount,
                        BigDecimal percent) {
  }

  public Report report(Query query) {
    Map<Group, AttemptFigures> attempts = new LinkedHashMap<>();
    AttemptFigures attemptTotals = null;
    for (AttemptFigures figures : stats.attempts(query)) {
      if (figures.total()) {
        attemptTotals = figures;
      } else {
        attempts.put(figures.group(), figures);
      }
    }
    Map<Group, RecipientFigures> recipients = new LinkedHashMap<>();
    RecipientFigures recipientTotals = null;
    for (RecipientFigures figures : stats.recipients(query, prices.smsDefault())) {
      if (figures.total()) {
        recipientTotals = figures;
      } else {
        recipients.put(figures.group(), figures);
      }
    }
    boolean byChannel = query.groupBy() == GroupBy.CHANNEL;
    // by channel, a group is a channel tried; otherwise every group of recipients, attempts or not
    List<Group> groups = (byChannel ? attempts.keySet() : recipients.keySet()).stream()
        .sorted(byChannel ? Comparator.comparing((Group group) -> Channel.valueOf(group.key()))
            : Comparator.comparing(Group::unit, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Group::key, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    List<Line> lines = groups.stream().map(group -> line(group, attempts.get(group), recipients.get(group),
        byChannel)).toList();
    return new Report(query.from(), query.to(), query.type(), query.unit(), query.groupBy(), lines,
        line(new Group(null, null), attemptTotals, recipientTotals, false));
  }

  /** By channel, notices and recipients are those with an attempt on it; otherwise those of the group. */
  private static Line line(Group group, AttemptFigures attempts, RecipientFigures recipients, boolean byChannel) {
    long notices = byChannel ? attempts.notices() : recipients == null ? 0 : recipients.notices();
    long people = byChannel ? attempts.recipients() : recipients == null ? 0 : recipients.recipients();
    Map<Channel, BigDecimal> costByChannel = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      costByChannel.put(channel, money(attempts == null ? null : attempts.costByChannel().get(channel)));
    }
    long sent = attempts == null ? 0 : attempts.sent();
    long delivered = attempts == null ? 0 : attempts.delivered();
    long read = attempts == null ? 0 : attempts.read();
    BigDecimal baseline = money(recipients == null ? null : recipients.smsBaseline());
    BigDecimal deliveredCost = money(recipients == null ? null : recipients.deliveredCost());
    BigDecimal saved = baseline.subtract(deliveredCost);
    return new Line(group.key(), group.unit(), notices, people, sent, delivered, read,
        attempts == null ? 0 : attempts.failed(), attempts == null ? 0 : attempts.expired(),
        percent(BigDecimal.valueOf(delivered), BigDecimal.valueOf(sent)),
        percent(BigDecimal.valueOf(read), BigDecimal.valueOf(sent)),
        attempts == null ? 0 : attempts.smsMessages(), attempts == null ? 0 : attempts.smsSegments(),
        costByChannel, money(attempts == null ? null : attempts.cost()),
        new Savings(recipients == null ? 0 : recipients.delivered(), baseline, deliveredCost, saved,
            percent(saved, baseline)));
  }

  /** VND, with the ledger's two decimals whatever the sum's own scale. */
  private static BigDecimal money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null
        : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
  }
}
