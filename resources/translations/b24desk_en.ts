<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>ActivityDock</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unread: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Participants in bulk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;last chat of each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All their acti&amp;ve chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {0} to the chats of {1} selected entities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0} from the chats of {1} selected entities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the chats of {0} selected entities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} without a chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was not there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatLinks</name>
    <message>
        <source>Copy &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in Bitrix24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch this chat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Choose a lead, deal, contact or company on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active chats onl&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entity chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the chats…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chats could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entity has no Open Lines chats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the chat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not in this chat. Bitrix24 only lets participants write. Join the chat and send?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lead was created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatsModel</name>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h {1:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(last)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last message: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer has been waiting {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread messages: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unread: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Write to the chat… (Ctrl+Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to Bitrix24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Main portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the secret fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound &amp;webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;OAuth application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Portal URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate p&amp;lan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom (from the settings file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{plan} — {rate:g} requests/s, burst {burst}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection with this name already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection cannot work as entered: change it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the whole webhook URL: https://PORTAL/rest/USER_ID/CODE/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal URL must start with https:// and name the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the application&apos;s client ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the application&apos;s client secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a refresh token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect. Check the address and the credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unnamed user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal: {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as {name} — all scopes present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as {name}, but these permissions are missing: {scopes}. Add them to the webhook or application in Bitrix24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection test stopped unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditConnectionDialog</name>
    <message>
        <source>Edit connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{base}/… saved; paste a new URL to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “{name}” and the secrets saved for it on this computer? Nothing changes in Bitrix24.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityBrowser</name>
    <message>
        <source>Search: name, phone, e-mail or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in Bitrix24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add participant to {0} selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove participant from {0} selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join chats of {0} selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityTableModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone/E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name in the other alphabet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No messages in this chat yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all ({0} more characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” goes to {1}. Click it again to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy message &amp;text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadRow</name>
    <message>
        <source>Create lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an entity first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operator handles this dialogue: you take it over first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat already has lead #{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take over and create &amp;lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create another &amp;lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat #{0} with {1} already has lead #{2}. Create a second lead? The chat will then belong to the new lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a lead from chat #{0} with {1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} operates this dialogue, and only its operator can create a lead. Take it over and create the lead? {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead #{0} was created from this chat. Open it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostics copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped waiting; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection keeps no local data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local data forgotten; indexing again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desktop notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notification when a customer writes in a chat you watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cha&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add participant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ransfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratin&amp;g…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin or unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch this chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About b24desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bulk: selected entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove participant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget local data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About b24desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>b24desk {0}
A desk for Bitrix24 contact-centre supervisors.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewMessagesButton</name>
    <message>
        <source>New messages: {0} ↓</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleBox</name>
    <message>
        <source>A&amp;dd…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was added to the chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0} from chat #{1}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was removed from the chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You joined the chat.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalPages</name>
    <message>
        <source>The demo portal has no web pages to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No web browser could be opened. The address was copied: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo portal has no web pages to link to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link copied: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message>
        <source>Connection “{name}” deleted, with its saved secrets.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <source>Rate the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment for the operator (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating (1 poor, 5 excellent):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestLog</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestartBar</name>
    <message>
        <source>The new language shows once b24desk starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lat&amp;er</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionPicker</name>
    <message>
        <source>Sessions of this chat seen by b24desk. Bitrix24 gives no list of them: type the number of another session and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>session number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier session: read only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a session number, such as 321.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionRow</name>
    <message>
        <source>T&amp;ake over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ransfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratin&amp;g…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an entity first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another session action is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You operate this dialogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rated {0} of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (Bitrix24&apos;s answer was lost; the dialogue shows it done.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You now operate this dialogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat #{0} with {1}, now with {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialogue was transferred to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialogue was sent to the queue of «{0}».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the session of {0} with {1} in chat #{2}? The customer&apos;s next message starts a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session #{0} of {1} with {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rating was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialogue was pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dialogue was unpinned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What they do</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Stop &amp;waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 paused these requests; continuing in {0}:{1:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate headroom {0}/{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local search ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing leads: {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing deals: {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing contacts: {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing companies: {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another application reads this user&apos;s chat events, so some updates may not reach this window. Press F5 to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 did not answer; updates resume by themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some saved data could not be read and was kept aside (nothing was erased): {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferPicker</name>
    <message>
        <source>Transfer the dialogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the operators and lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operators and lines could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators of «{0}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues of the open lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue of «{0}» ({1} operators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nobody to transfer to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsentBanner</name>
    <message>
        <source>Move the text back into the composer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chec&amp;k and resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ut back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;iscard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: “{0}” — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending “{0}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed by Bitrix24: “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(and {0} more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <source>Add participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed. Check the connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone found is already in the chat or inactive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already in the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator of this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {0} of {1} chats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Watching</name>
    <message>
        <source>The list of watched chats could not be read; it was kept as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watched chats could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer watching chat #{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching chat #{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 tells only participants about new messages: join the chat to be notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications are off: View → Desktop notifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray, so b24desk cannot show desktop notifications here. Watched chats are marked in the Activity panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New messages in {0} watched chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} new messages, the last: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>No saved profile named “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong. Try again; if it keeps happening, see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request to Bitrix24 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection settings are not valid. Check the portal address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 could not be reached. Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to Bitrix24. Check the network or the portal address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 is taking too long to answer. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to Bitrix24 broke off. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 sent an unreadable answer (maintenance or a proxy error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was sent, but Bitrix24&apos;s answer was lost. Check whether it was applied before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step was not run because an earlier step failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 is limiting requests. Please wait a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 is busy with too many requests. Retrying shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 has paused this kind of request for a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 did not accept the sign-in. Check the connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Bitrix24 session expired. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook or access token is not valid any more. Check the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Bitrix24 sign-in has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not have permission to do this in Bitrix24.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook lacks a permission (scope) this needs. Ask your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user cannot post in the chat. Add them to the chat first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the operator currently handling this dialogue can do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to remove participants from this chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was not found in Bitrix24; it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Bitrix24 portal does not offer this function.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 rejected the request&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the employee or the open line to transfer the dialogue to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a rating from 1 to 5 or write a comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done in the object&apos;s current state. Refresh and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat is not linked to the CRM record any more. Refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This employee is inactive or no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The participant list already changed. Refresh and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 did not hand the dialogue over: it may be closed or already with that operator, or the operator or line cannot take it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 had an internal error. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24&apos;s sign-in answer pointed to a different server. The connection was stopped for safety; check the portal address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The b24desk application is not installed on this Bitrix24 portal any more. Ask your administrator to install it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This works only when connected as a Bitrix24 application, not through a webhook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only employees of this Bitrix24 portal can do this, not external users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Bitrix24 administrator must first approve this. Try again once approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Bitrix24 administrator has not allowed this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Bitrix24 portal has been deleted or closed. Connect to another portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not in this chat yet. Join it to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 did not confirm the message and it is not in the chat yet. It waits above the composer: check and resend it, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lead is already being created from this chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat already has a lead. Confirm to create a second one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer cannot be removed from their own chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That session belongs to another chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rate limit needs a positive rate and a burst of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook profile needs the user ID from the webhook URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OAuth profile needs the application&apos;s client_id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile {name!r} is not a webhook profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown profile kind {kind!r}: use &apos;webhook&apos; or &apos;oauth&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal URL must start with https:// and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token URL must start with https:// and name a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS is required for {host}: Bitrix24 is reached only over https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a webhook URL: expected {shape}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook URL has no user ID and code: expected {shape}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook code is stored for profile {name!r}; paste the webhook URL again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the secrets file {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the secrets file {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named {name!r} already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no profile named {name!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save settings to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 did not confirm this change; look at the chat to see whether it happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before its turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24&apos;s answer was lost and the dialogue does not show the change. Look at the dialogue before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook code is wrong, or the webhook was deleted in Bitrix24. Copy the webhook URL from Bitrix24 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bitrix24 did not accept the client ID, the client secret or the refresh token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh token is no longer valid. Open the application in Bitrix24 and take a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>keyboard</name>
    <message>
        <source>Not possible now: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Find (the search box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a participant to the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a lead from the chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the dialogue over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer the dialogue to an operator or a queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish the dialogue&apos;s session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch the chat (desktop notifications) or stop watching it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin or unpin the dialogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list of shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the search box: go to the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the results: open the chat and go to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the message box: send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next field (Shift+Tab: previous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy and open menu (also Shift+F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With an underlined letter: that button or menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>Secrets are stored in a file readable only by you, because no system keyring is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no chat to create a lead from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the chat&apos;s current operator can create a lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer cannot be removed from their own chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no chat here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already handle this dialogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chat has no session to rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only heads of this line can rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
