-- wrk script for bench/write_bench.py: every request posts a coding of a different passage of
-- one document (an exact duplicate would be refused with 409), with the session cookie and the
-- CSRF header the server requires, and counts the answers: 201 (acknowledged) or anything else.
-- Settings come from the environment: FW_COOKIE, FW_CSRF, FW_DOCUMENT, FW_CODER, FW_BASE (the
-- first offset used), FW_POSITIONS (how many start offsets from there stay inside the text),
-- FW_DELAY_MS (optional: a pause after each answer, to hold a rate).
local cookie, csrf = os.getenv("FW_COOKIE"), os.getenv("FW_CSRF")
local document, coder = os.getenv("FW_DOCUMENT"), os.getenv("FW_CODER")
local base, positions = tonumber(os.getenv("FW_BASE")), tonumber(os.getenv("FW_POSITIONS"))
local threads = {}
-- FW_DELAY_MS paces the connections: each waits that long after an answer (wrk's whole ms).
-- FW_DELAY_SHARE (0 to 1, default 1) pauses after only that share of the answers, spread evenly
-- (error diffusion), so that a rate between two whole-millisecond pauses can be held.
local pause = tonumber(os.getenv("FW_DELAY_MS") or "")
local share = tonumber(os.getenv("FW_DELAY_SHARE") or "1")
local owed = 0
if pause then
  function delay()
    owed = owed + share
    if owed >= 1 then
      owed = owed - 1
      return pause
    end
    return 0
  end
end

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter, created, refused = 0, 0, 0
  stride = tonumber(args[1] or "1")
  headers = {["Cookie"] = cookie, ["X-CSRF-Token"] = csrf, ["Content-Type"] = "application/json"}
end

function request()
  -- Thread t sends the numbers t, t + stride, t + 2 stride, ...: no two requests share a span.
  local n = counter * stride + id
  counter = counter + 1
  local start = base + n % positions
  -- At least 16 characters: a shorter span can hold only a turn's speaker label and its blank
  -- lines ("\n\nIntervjuare: "), which the server refuses (422) as coding nobody's words.
  local finish = start + 16 + math.floor(n / positions)
  local body = string.format('{"document":"%s","start":%d,"end":%d,"code":"need","coder":"%s"}',
                             document, start, finish, coder)
  return wrk.format("POST", "/api/codings", headers, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local acknowledged, others = 0, 0
  for _, thread in ipairs(threads) do
    acknowledged = acknowledged + thread:get("created")
    others = others + thread:get("refused")
  end
  io.write(string.format("FIELDWORK acknowledged=%d refused=%d\n", acknowledged, others))
end
