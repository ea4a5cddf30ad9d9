package io.gridcare.notifications.worker;

import java.util.List;

import io.gridcare.customers.Channel;

/**
 * Sends messages over one channel's real protocol. Implementations never throw for a single message's trouble:
 * they answer one {@link SendOutcome} per message, in the order given.
 */
public interface ChannelSender {

  Channel channel();

  List<SendOutcome> send(List<Outgoing> batch);
}
