package io.gridcare.notifications;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The flow's view of the current round, for its expressions: the batches the push step fans out over
 * ({@code ${noticeRounds.batches(noticeId)}}) and whether every attempt has its answer
 * ({@code ${noticeRounds.settled(noticeId)}}). Read from the ledger, so no list lives in process variables.
 * Public because the engine's expression language finds these methods by reflection, which skips non-public types.
 */
@Component("noticeRounds")
public class NoticeRounds {

  private final JdbcClient sql;
  private final Ledger ledger;

  NoticeRounds(JdbcClient sql, Ledger ledger) {
    this.sql = sql;
    this.ledger = ledger;
  }

  public List<Long> batches(Long noticeId) {
    return sql.sql("""
            select b.id from notice_batch b join notice n on n.id = b.notice_id
             where b.notice_id = :notice and b.round = n.round order by b.id""")
        .param("notice", noticeId).query(Long.class).list();
  }

  public boolean settled(Long noticeId) {
    return ledger.roundSettled(noticeId);
  }
}
