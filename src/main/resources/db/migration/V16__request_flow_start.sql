-- A portal submission stores the request with its triage decision and returns; its flow is started right after,
-- in batches (io.gridcare.requests.RequestFlowStarts). This finds the requests still waiting for it.
create index service_request_awaiting_flow on service_request (id) where process_instance_id is null;
