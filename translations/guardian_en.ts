<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Guardian</source>
            <translation>About Guardian</translation>
        </message>
        <message>
            <source>Guardian</source>
            <translation>Guardian</translation>
        </message>
        <message>
            <source>Guardian helps parents find out, early and privately, that their child is being bullied, threatened or preyed on in chat, and what to do about it.</source>
            <translation>Guardian helps parents find out, early and privately, that their child is being bullied, threatened or preyed on in chat, and what to do about it.</translation>
        </message>
        <message>
            <source>Your privacy</source>
            <translation>Your privacy</translation>
        </message>
        <message>
            <source>Everything stays on this computer. Guardian makes no network connections, sends no statistics and uses no online services. Imported chats are stored encrypted, with a key kept in the system keyring or protected by your passphrase. Messages never appear in log files.</source>
            <translation>Everything stays on this computer. Guardian makes no network connections, sends no statistics and uses no online services. Imported chats are stored encrypted, with a key kept in the system keyring or protected by your passphrase. Messages never appear in log files.</translation>
        </message>
        <message>
            <source>Guardian can be wrong. Treat a finding as a reason to talk with your child, not as a verdict.</source>
            <translation>Guardian can be wrong. Treat a finding as a reason to talk with your child, not as a verdict.</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Data folder:</translation>
        </message>
    </context>
    <context>
        <name>ConversationsPane</name>
        <message>
            <source>Conversations</source>
            <translation>Conversations</translation>
        </message>
        <message>
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>Imported conversations</source>
            <translation>Imported conversations</translation>
        </message>
    </context>
    <context>
        <name>FindingsPane</name>
        <message>
            <source>Findings</source>
            <translation>Findings</translation>
        </message>
        <message>
            <source>No findings to show. Findings appear here once Guardian has analysed the imported chats.</source>
            <translation>No findings to show. Findings appear here once Guardian has analysed the imported chats.</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Kind of harm</source>
            <translation>Kind of harm</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Guardian</source>
            <translation>Guardian</translation>
        </message>
        <message>
            <source>Guardian — demo</source>
            <translation>Guardian — demo</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About Guardian</source>
            <translation>&amp;About Guardian</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Guardian passphrase</source>
            <translation>Guardian passphrase</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>Repeat the passphrase</translation>
        </message>
        <message>
            <source>Passphrase:</source>
            <translation>Passphrase:</translation>
        </message>
        <message>
            <source>Repeat:</source>
            <translation>Repeat:</translation>
        </message>
        <message>
            <source>This computer has no system keyring, so a passphrase protects the chats. If you forget it, the imported chats cannot be recovered.</source>
            <translation>This computer has no system keyring, so a passphrase protects the chats. If you forget it, the imported chats cannot be recovered.</translation>
        </message>
        <message>
            <source>Please enter a passphrase.</source>
            <translation>Please enter a passphrase.</translation>
        </message>
        <message>
            <source>The two passphrases differ. Please try again.</source>
            <translation>The two passphrases differ. Please try again.</translation>
        </message>
    </context>
    <context>
        <name>ReportPane</name>
        <message>
            <source>Report</source>
            <translation>Report</translation>
        </message>
        <message>
            <source>Choose a conversation to read it here.</source>
            <translation>Choose a conversation to read it here.</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>This conversation has no messages.</source>
            <translation>This conversation has no messages.</translation>
        </message>
        <message>
            <source>[attachment]</source>
            <translation>[attachment]</translation>
        </message>
    </context>
</TS>
