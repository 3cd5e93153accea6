<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BoardWorkspace</name>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="72" />
        <source>Stop monitoring</source>
        <translation>Stop monitoring</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="77" />
        <source>Urgent KB communications: loading…</source>
        <translation>Urgent KB communications: loading…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="107" />
        <source>Urgent KB communications</source>
        <translation>Urgent KB communications</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="159" />
        <source>%1: SL %2, below the %3 target</source>
        <translation>%1: SL %2, below the %3 target</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="165" />
        <source>%1: a customer has waited %2</source>
        <translation>%1: a customer has waited %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="170" />
        <source>%1: not ready for %2</source>
        <translation>%1: not ready for %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="174" />
        <source>%1: the customer is upset</source>
        <translation>%1: the customer is upset</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="226" />
        <source>Monitoring a call: switch the mode or stop</source>
        <translation>Monitoring a call: switch the mode or stop</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="229" />
        <source>Monitor the selected operator&apos;s call</source>
        <translation>Monitor the selected operator&apos;s call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="232" />
        <source>Select an operator on a call to monitor it</source>
        <translation>Select an operator on a call to monitor it</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="235" />
        <source>The selected operator is not on a call</source>
        <translation>The selected operator is not on a call</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="247" />
        <source>No urgent communications in force</source>
        <translation>No urgent communications in force</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="250" />
        <source>Urgent communications in force: %1</source>
        <translation>Urgent communications in force: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="254" />
        <source>%1 — not read by: %2</source>
        <translation>%1 — not read by: %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="257" />
        <source>%1 — read by everyone</source>
        <translation>%1 — read by everyone</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="261" />
        <source>Urgent KB communications not loaded: %1</source>
        <translation>Urgent KB communications not loaded: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="39" />
        <source>Squad board</source>
        <translation>Squad board</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="56" />
        <source>Private message to the selected operator</source>
        <translation>Private message to the selected operator</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="57" />
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="66" />
        <source>Listen</source>
        <extracomment>the call being monitored here and how (``None``: not monitoring)</extracomment>
        <translation>Listen</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="66" />
        <source>Whisper</source>
        <translation>Whisper</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="66" />
        <source>Barge</source>
        <translation>Barge</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="102" />
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="103" />
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="116" />
        <source>Staffing (Erlang C)</source>
        <translation>Staffing (Erlang C)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="120" />
        <source>Squad board — %1</source>
        <translation>Squad board — %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="130" />
        <source>%1: %2 waiting, longest %3, SL %4</source>
        <translation>%1: %2 waiting, longest %3, SL %4</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="138" />
        <source>SL now %1 · target %2</source>
        <translation>SL now %1 · target %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board.py" line="149" />
        <source>No thresholds crossed</source>
        <translation>No thresholds crossed</translation>
    </message>
</context>
<context>
    <name>ErlangCalculator</name>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="39" />
        <source> per 30 min</source>
        <translation> per 30 min</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="56" />
        <source>Calculate</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="58" />
        <source>Enter the forecast and press Calculate.</source>
        <translation>Enter the forecast and press Calculate.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="62" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="63" />
        <source>AHT</source>
        <translation>AHT</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="64" />
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="65" />
        <source>Answered within</source>
        <translation>Answered within</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="66" />
        <source>Shrinkage</source>
        <translation>Shrinkage</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="91" />
        <source>agents</source>
        <translation>agents</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="92" />
        <source>service level %</source>
        <translation>service level %</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/erlang.py" line="113" />
        <source>%1 agents (%2 scheduled): service level %3, ASA %4, occupancy %5</source>
        <translation>%1 agents (%2 scheduled): service level %3, ASA %4, occupancy %5</translation>
    </message>
</context>
<context>
    <name>MyDayBar</name>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="97" />
        <source>this session</source>
        <extracomment>the server&apos;s figures, when they have arrived</extracomment>
        <translation>this session</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="101" />
        <source>Counted on this workstation since you logged in; the contact centre&apos;s official figures may differ.</source>
        <translation>Counted on this workstation since you logged in; the contact centre&apos;s official figures may differ.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="105" />
        <source>Handled</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="107" />
        <location filename="../../agentdesk/gui/shell/myday.py" line="151" />
        <source>AHT (target %1–%2)</source>
        <translation>AHT (target %1–%2)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="114" />
        <source>Average handling time, from accept to the end of wrap-up, against the target band.</source>
        <translation>Average handling time, from accept to the end of wrap-up, against the target band.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="118" />
        <source>FCR</source>
        <translation>FCR</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="121" />
        <source>First-contact resolution: contacts wrapped up as resolved whose customer was not a repeat contact.</source>
        <translation>First-contact resolution: contacts wrapped up as resolved whose customer was not a repeat contact.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="125" />
        <source>Open now</source>
        <translation>Open now</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="155" />
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="156" />
        <source>The contact centre&apos;s figures for today</source>
        <translation>The contact centre&apos;s figures for today</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/shell/myday.py" line="162" />
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="310" />
        <source>The monitored call has ended</source>
        <translation>The monitored call has ended</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="228" />
        <source>the server sent data this desktop cannot read</source>
        <translation>the server sent data this desktop cannot read</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="287" />
        <source>Whispering: only the operator hears you</source>
        <translation>Whispering: only the operator hears you</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="289" />
        <source>Barged in: everyone on the call hears you</source>
        <translation>Barged in: everyone on the call hears you</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="290" />
        <source>Listening: no one hears you</source>
        <translation>Listening: no one hears you</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="298" />
        <source>Monitoring failed: %1</source>
        <translation>Monitoring failed: %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="317" />
        <source>Monitoring stopped</source>
        <translation>Monitoring stopped</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/controller.py" line="154" />
        <source>Your tutor&apos;s feedback: %1</source>
        <extracomment>how often the board asks again who has not read the urgent KB communications the desk&apos;s audio devices for a monitor leg (made when first needed if not given)</extracomment>
        <translation>Your tutor&apos;s feedback: %1</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="45" />
        <source>No contact waits for your review.</source>
        <translation>No contact waits for your review.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="55" />
        <source>Score </source>
        <translation>Score </translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="58" />
        <source>Feedback for the trainee</source>
        <translation>Feedback for the trainee</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="60" />
        <source>Score and release</source>
        <translation>Score and release</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="61" />
        <source>Score and keep in hold</source>
        <translation>Score and keep in hold</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="62" />
        <source>Graduate to operator</source>
        <translation>Graduate to operator</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="119" />
        <source>Review queue</source>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="128" />
        <source>%1 · mood %2 · no script for this contact</source>
        <translation>%1 · mood %2 · no script for this contact</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="130" />
        <source>%1 · mood %2 · script adherence %3</source>
        <translation>%1 · mood %2 · script adherence %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/reviews.py" line="149" />
        <source>Graduation: %1 of %2 reviewed contacts, average %3 (needs %4)</source>
        <translation>Graduation: %1 of %2 reviewed contacts, average %3 (needs %4)</translation>
    </message>
</context>
<context>
    <name>ScoreBreakdown</name>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="31" />
        <source>Your season score</source>
        <translation>Your season score</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="37" />
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="37" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="37" />
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="37" />
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="44" />
        <source>Points = value × weight × 1000. A component without data yet gives its weight to the others in its group. Penalties are entered by QA or your team leader, always with a reason.</source>
        <translation>Points = value × weight × 1000. A component without data yet gives its weight to the others in its group. Penalties are entered by QA or your team leader, always with a reason.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="65" />
        <source>Customer satisfaction (CSAT)</source>
        <translation>Customer satisfaction (CSAT)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="66" />
        <source>NPS after your contacts</source>
        <translation>NPS after your contacts</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="67" />
        <source>Quality reviews</source>
        <translation>Quality reviews</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="68" />
        <source>First-contact resolution</source>
        <translation>First-contact resolution</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="69" />
        <source>Script adherence (checkpoints confirmed)</source>
        <translation>Script adherence (checkpoints confirmed)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="70" />
        <source>Handled volume against the target</source>
        <translation>Handled volume against the target</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="71" />
        <source>Schedule adherence</source>
        <translation>Schedule adherence</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="90" />
        <source>No season standing yet</source>
        <translation>No season standing yet</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="93" />
        <source>%1 points · rank #%2</source>
        <translation>%1 points · rank #%2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="97" />
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="97" />
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="105" />
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="115" />
        <source>Penalties</source>
        <translation>Penalties</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="120" />
        <source>by %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/score_breakdown.py" line="125" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
</context>
<context>
    <name>ServerFacts</name>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="95" />
        <source>CSAT</source>
        <translation>CSAT</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="96" />
        <source>Share of 4–5 answers to the satisfaction survey today</source>
        <translation>Share of 4–5 answers to the satisfaction survey today</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="97" />
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="99" />
        <source>Transactional NPS after your contacts (kept apart from the others)</source>
        <translation>Transactional NPS after your contacts (kept apart from the others)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="101" />
        <source>Mood</source>
        <translation>Mood</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="102" />
        <source>Customers&apos; mood over your last contacts</source>
        <translation>Customers&apos; mood over your last contacts</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="103" />
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="105" />
        <source>Season score: 70% quality, 30% quantity. Click to see every point.</source>
        <translation>Season score: 70% quality, 30% quantity. Click to see every point.</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="126" />
        <source>improving</source>
        <translation>improving</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="127" />
        <source>steady</source>
        <translation>steady</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="128" />
        <source>worsening</source>
        <translation>worsening</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/day_facts.py" line="137" />
        <source>%1 · #%2</source>
        <translation>%1 · #%2</translation>
    </message>
</context>
<context>
    <name>SupervisorWorkspace</name>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="30" />
        <location filename="../../agentdesk/gui/people/workspace.py" line="35" />
        <source>Review queue</source>
        <extracomment>The supervisor&apos;s softphone column (px): room for its controls, the rest for the board.</extracomment>
        <translation>Review queue</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="31" />
        <source>My trainees</source>
        <translation>My trainees</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="33" />
        <source>Squad board</source>
        <translation>Squad board</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/workspace.py" line="37" />
        <source>Customer 360</source>
        <translation>Customer 360</translation>
    </message>
</context>
<context>
    <name>TeamBoardModel</name>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="33" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="34" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="35" />
        <source>Time in state</source>
        <translation>Time in state</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="36" />
        <source>Current contact</source>
        <translation>Current contact</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="37" />
        <source>Mood</source>
        <translation>Mood</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="38" />
        <source>Handled</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="39" />
        <source>AHT</source>
        <translation>AHT</translation>
    </message>
    <message>
        <location filename="../../agentdesk/gui/people/board_model.py" line="40" />
        <source>FCR</source>
        <translation>FCR</translation>
    </message>
</context>
</TS>
