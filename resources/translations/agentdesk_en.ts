<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AssistPane</name>
        <message>
            <source>due %1</source>
            <translation>due %1</translation>
        </message>
        <message>
            <source>overdue since %1</source>
            <translation>overdue since %1</translation>
        </message>
        <message>
            <source>%1, good morning, this is %2. How can I help you?</source>
            <translation>%1, good morning, this is %2. How can I help you?</translation>
        </message>
        <message>
            <source>Greeting</source>
            <translation>Greeting</translation>
        </message>
        <message>
            <source>Insert in reply</source>
            <translation>Insert in reply</translation>
        </message>
        <message>
            <source>Put the greeting into the reply box</source>
            <translation>Put the greeting into the reply box</translation>
        </message>
        <message>
            <source>Open invoices</source>
            <translation>Open invoices</translation>
        </message>
        <message>
            <source>Outcomes for this client</source>
            <translation>Outcomes for this client</translation>
        </message>
        <message>
            <source>This client has no dispositions configured.</source>
            <translation>This client has no dispositions configured.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>No customer record: no invoices to show.</source>
            <translation>No customer record: no invoices to show.</translation>
        </message>
        <message>
            <source>Nothing open. The customer is up to date.</source>
            <translation>Nothing open. The customer is up to date.</translation>
        </message>
        <message>
            <source>Your clients</source>
            <translation>Your clients</translation>
        </message>
        <message>
            <source>Your clients appear here once you are logged in.</source>
            <translation>Your clients appear here once you are logged in.</translation>
        </message>
    </context>
    <context>
        <name>BubbleDelegate</name>
        <message>
            <source>sending…</source>
            <translation>sending…</translation>
        </message>
        <message>
            <source>not sent: %1</source>
            <translation>not sent: %1</translation>
        </message>
    </context>
    <context>
        <name>ChatPane</name>
        <message>
            <source>Select a conversation to see it here.</source>
            <translation>Select a conversation to see it here.</translation>
        </message>
        <message>
            <source>Write a reply… (Enter to send, Shift+Enter for a new line)</source>
            <translation>Write a reply… (Enter to send, Shift+Enter for a new line)</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>End chat</source>
            <translation>End chat</translation>
        </message>
        <message>
            <source>Close the conversation and go to the wrap-up</source>
            <translation>Close the conversation and go to the wrap-up</translation>
        </message>
        <message>
            <source>%1 is typing…</source>
            <translation>%1 is typing…</translation>
        </message>
        <message>
            <source>Accept the chat to reply.</source>
            <translation>Accept the chat to reply.</translation>
        </message>
    </context>
    <context>
        <name>CustomerHeader</name>
        <message>
            <source>Open balance</source>
            <translation>Open balance</translation>
        </message>
        <message>
            <source>Last NPS</source>
            <translation>Last NPS</translation>
        </message>
        <message>
            <source>Mood</source>
            <translation>Mood</translation>
        </message>
        <message>
            <source>Open cases</source>
            <translation>Open cases</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>No customer in focus</source>
            <translation>No customer in focus</translation>
        </message>
        <message>
            <source>Select a conversation to see who you are talking to.</source>
            <translation>Select a conversation to see who you are talking to.</translation>
        </message>
        <message>
            <source>Not matched to a customer record.</source>
            <translation>Not matched to a customer record.</translation>
        </message>
        <message>
            <source>Loading the customer record…</source>
            <translation>Loading the customer record…</translation>
        </message>
        <message>
            <source>No contact details on file</source>
            <translation>No contact details on file</translation>
        </message>
    </context>
    <context>
        <name>DeskController</name>
        <message>
            <source>From the contact history.</source>
            <translation>From the contact history.</translation>
        </message>
    </context>
    <context>
        <name>DeskRunner</name>
        <message>
            <source>Starting the local demo server…</source>
            <translation>Starting the local demo server…</translation>
        </message>
        <message>
            <source>The local demo server did not start: %1</source>
            <translation>The local demo server did not start: %1</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>The server cannot be reached. Your work is kept and sent when it is back.</source>
            <translation>The server cannot be reached. Your work is kept and sent when it is back.</translation>
        </message>
        <message>
            <source>Not possible right now: %1</source>
            <translation>Not possible right now: %1</translation>
        </message>
        <message>
            <source>Your session has expired. Please sign in again. (%1)</source>
            <translation>Your session has expired. Please sign in again. (%1)</translation>
        </message>
        <message>
            <source>Your role does not allow this. (%1)</source>
            <translation>Your role does not allow this. (%1)</translation>
        </message>
        <message>
            <source>It no longer exists. (%1)</source>
            <translation>It no longer exists. (%1)</translation>
        </message>
        <message>
            <source>The server did not accept it: %1</source>
            <translation>The server did not accept it: %1</translation>
        </message>
        <message>
            <source>The server refused it: %1</source>
            <translation>The server refused it: %1</translation>
        </message>
        <message>
            <source>Something went wrong: %1</source>
            <translation>Something went wrong: %1</translation>
        </message>
        <message>
            <source>Wrong username or password.</source>
            <translation>Wrong username or password.</translation>
        </message>
        <message>
            <source>Cannot reach the server. Check the address and your connection.</source>
            <translation>Cannot reach the server. Check the address and your connection.</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>today %1</source>
            <translation>today %1</translation>
        </message>
    </context>
    <context>
        <name>HistoryDelegate</name>
        <message>
            <source>resolved</source>
            <translation>resolved</translation>
        </message>
        <message>
            <source>not resolved</source>
            <translation>not resolved</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>in progress</translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Loading history…</source>
            <translation>Loading history…</translation>
        </message>
        <message>
            <source>No customer record for this contact.</source>
            <translation>No customer record for this contact.</translation>
        </message>
        <message>
            <source>No earlier contacts.</source>
            <translation>No earlier contacts.</translation>
        </message>
        <message>
            <source> — scroll for more</source>
            <translation> — scroll for more</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item(s)</numerusform>
                <numerusform>%n item(s)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InteractionDelegate</name>
        <message>
            <source>typing…</source>
            <translation>typing…</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Accept</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Reject</translation>
        </message>
    </context>
    <context>
        <name>InteractionListModel</name>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
    </context>
    <context>
        <name>InteractionsPane</name>
        <message>
            <source>No conversations yet.
When you are Ready, new chats are offered here.</source>
            <translation>No conversations yet.
When you are Ready, new chats are offered here.</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Ready</source>
            <translation>Ready</translation>
        </message>
        <message>
            <source>Not ready</source>
            <translation>Not ready</translation>
        </message>
        <message>
            <source>Wrap-up</source>
            <translation>Wrap-up</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>Awaiting review</translation>
        </message>
        <message>
            <source>Break</source>
            <translation>Break</translation>
        </message>
        <message>
            <source>Lunch</source>
            <translation>Lunch</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>Coaching</source>
            <translation>Coaching</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Back office</source>
            <translation>Back office</translation>
        </message>
        <message>
            <source>Technical problem</source>
            <translation>Technical problem</translation>
        </message>
        <message>
            <source>Chat</source>
            <translation>Chat</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Queued</source>
            <translation>Queued</translation>
        </message>
        <message>
            <source>Offered</source>
            <translation>Offered</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Abandoned</source>
            <translation>Abandoned</translation>
        </message>
        <message>
            <source>Positive</source>
            <translation>Positive</translation>
        </message>
        <message>
            <source>Neutral</source>
            <translation>Neutral</translation>
        </message>
        <message>
            <source>Negative</source>
            <translation>Negative</translation>
        </message>
        <message>
            <source>Repeat contact</source>
            <translation>Repeat contact</translation>
        </message>
        <message>
            <source>Vulnerable customer</source>
            <translation>Vulnerable customer</translation>
        </message>
        <message>
            <source>Payment plan</source>
            <translation>Payment plan</translation>
        </message>
        <message>
            <source>Invoice due</source>
            <translation>Invoice due</translation>
        </message>
        <message>
            <source>Overdue invoice</source>
            <translation>Overdue invoice</translation>
        </message>
        <message>
            <source>Prospect</source>
            <translation>Prospect</translation>
        </message>
        <message>
            <source>VIP</source>
            <translation>VIP</translation>
        </message>
        <message>
            <source>Residential</source>
            <translation>Residential</translation>
        </message>
        <message>
            <source>Business</source>
            <translation>Business</translation>
        </message>
        <message>
            <source>Condominium</source>
            <translation>Condominium</translation>
        </message>
        <message>
            <source>Public body</source>
            <translation>Public body</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Survey</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Connected</translation>
        </message>
        <message>
            <source>Reconnecting</source>
            <translation>Reconnecting</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Sign in to AgentDesk</source>
            <translation>Sign in to AgentDesk</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>e.g. mario</source>
            <translation>e.g. mario</translation>
        </message>
        <message>
            <source>Remember me on this computer</source>
            <translation>Remember me on this computer</translation>
        </message>
        <message>
            <source>The password is kept in the system keyring.</source>
            <translation>The password is kept in the system keyring.</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>&amp;Username</source>
            <translation>&amp;Username</translation>
        </message>
        <message>
            <source>&amp;Password</source>
            <translation>&amp;Password</translation>
        </message>
        <message>
            <source>No system keyring is available, so the password cannot be remembered.</source>
            <translation>No system keyring is available, so the password cannot be remembered.</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Signing in…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>AgentDesk</source>
            <translation>AgentDesk</translation>
        </message>
        <message>
            <source>Top bar</source>
            <translation>Top bar</translation>
        </message>
        <message>
            <source>Interactions</source>
            <translation>Interactions</translation>
        </message>
        <message>
            <source>Assist</source>
            <translation>Assist</translation>
        </message>
        <message>
            <source>My day</source>
            <translation>My day</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Reset layout</source>
            <translation>Reset layout</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;AgentDesk</source>
            <translation>&amp;AgentDesk</translation>
        </message>
    </context>
    <context>
        <name>MyDayBar</name>
        <message>
            <source>this session</source>
            <translation>this session</translation>
        </message>
        <message>
            <source>Counted on this workstation since you logged in; the contact centre's official figures may differ.</source>
            <translation>Counted on this workstation since you logged in; the contact centre's official figures may differ.</translation>
        </message>
        <message>
            <source>Handled</source>
            <translation>Handled</translation>
        </message>
        <message>
            <source>AHT (target %1–%2)</source>
            <translation>AHT (target %1–%2)</translation>
        </message>
        <message>
            <source>Average handling time, from accept to the end of wrap-up, against the target band.</source>
            <translation>Average handling time, from accept to the end of wrap-up, against the target band.</translation>
        </message>
        <message>
            <source>FCR</source>
            <translation>FCR</translation>
        </message>
        <message>
            <source>First-contact resolution: contacts wrapped up as resolved whose customer was not a repeat contact.</source>
            <translation>First-contact resolution: contacts wrapped up as resolved whose customer was not a repeat contact.</translation>
        </message>
        <message>
            <source>Open now</source>
            <translation>Open now</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>none yet</translation>
        </message>
    </context>
    <context>
        <name>OfferBanner</name>
        <message>
            <source>Accept</source>
            <translation>Accept</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>New chat from %1</source>
            <translation>New chat from %1</translation>
        </message>
        <message>
            <source>Incoming call from %1</source>
            <translation>Incoming call from %1</translation>
        </message>
        <message>
            <source>New e-mail from %1</source>
            <translation>New e-mail from %1</translation>
        </message>
        <message>
            <source>%1 · waiting %2</source>
            <translation>%1 · waiting %2</translation>
        </message>
    </context>
    <context>
        <name>StateSelector</name>
        <message>
            <source>Change your state</source>
            <translation>Change your state</translation>
        </message>
        <message>
            <source>Time in this state</source>
            <translation>Time in this state</translation>
        </message>
        <message numerus="yes">
            <source>You cannot go offline while you still hold %n conversation(s).</source>
            <translation>
                <numerusform>You cannot go offline while you still hold %n conversation(s).</numerusform>
                <numerusform>You cannot go offline while you still hold %n conversation(s).</numerusform>
            </translation>
        </message>
        <message>
            <source>You cannot switch from %1 to %2.</source>
            <translation>You cannot switch from %1 to %2.</translation>
        </message>
    </context>
    <context>
        <name>StatusLine</name>
        <message>
            <source>local demo server %1</source>
            <translation>local demo server %1</translation>
        </message>
    </context>
    <context>
        <name>TopBar</name>
        <message numerus="yes">
            <source>Queues: %n waiting</source>
            <translation>
                <numerusform>Queues: %n waiting</numerusform>
                <numerusform>Queues: %n waiting</numerusform>
            </translation>
        </message>
        <message>
            <source>oldest %1</source>
            <translation>oldest %1</translation>
        </message>
        <message>
            <source>SL %1</source>
            <translation>SL %1</translation>
        </message>
        <message>
            <source>%1: %2 waiting · oldest %3 · SL %4</source>
            <translation>%1: %2 waiting · oldest %3 · SL %4</translation>
        </message>
        <message>
            <source>Queues: –</source>
            <translation>Queues: –</translation>
        </message>
        <message>
            <source>No contact in focus</source>
            <translation>No contact in focus</translation>
        </message>
        <message>
            <source>You are answering for %1</source>
            <translation>You are answering for %1</translation>
        </message>
        <message>
            <source>Squad: %1</source>
            <translation>Squad: %1</translation>
        </message>
    </context>
    <context>
        <name>WrapupForm</name>
        <message>
            <source>Wrap-up</source>
            <translation>Wrap-up</translation>
        </message>
        <message>
            <source>The conversation has ended. Record its outcome to finish the contact.</source>
            <translation>The conversation has ended. Record its outcome to finish the contact.</translation>
        </message>
        <message>
            <source>&amp;Disposition</source>
            <translation>&amp;Disposition</translation>
        </message>
        <message>
            <source>Choose a disposition…</source>
            <translation>Choose a disposition…</translation>
        </message>
        <message>
            <source>&amp;Notes</source>
            <translation>&amp;Notes</translation>
        </message>
        <message>
            <source>What was asked, what was done, what was promised</source>
            <translation>What was asked, what was done, what was promised</translation>
        </message>
        <message>
            <source>&amp;Resolved at this contact</source>
            <translation>&amp;Resolved at this contact</translation>
        </message>
        <message>
            <source>&amp;Save wrap-up</source>
            <translation>&amp;Save wrap-up</translation>
        </message>
    </context>
    <context>
        <name>WrapupPanel</name>
        <message>
            <source>There is no conversation to wrap up.</source>
            <translation>There is no conversation to wrap up.</translation>
        </message>
        <message>
            <source>Choose a disposition.</source>
            <translation>Choose a disposition.</translation>
        </message>
        <message>
            <source>Notes are too long (at most %1 characters).</source>
            <translation>Notes are too long (at most %1 characters).</translation>
        </message>
    </context>
</TS>
