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
        <name>AboutPage</name>
        <message>
            <source>What Guardian does, and what it does not do</source>
            <translation>What Guardian does, and what it does not do</translation>
        </message>
        <message>
            <source>Guardian reads the chats you export from your child's apps and points out messages that may be bullying, threats, grooming, blackmail or deep distress.</source>
            <translation>Guardian reads the chats you export from your child's apps and points out messages that may be bullying, threats, grooming, blackmail or deep distress.</translation>
        </message>
        <message>
            <source>Everything stays on this computer. Nothing is sent anywhere: no internet, no cloud, no statistics. The chats are stored encrypted.</source>
            <translation>Everything stays on this computer. Nothing is sent anywhere: no internet, no cloud, no statistics. The chats are stored encrypted.</translation>
        </message>
        <message>
            <source>Guardian can be wrong, in both directions. A finding is a reason for a calm conversation with your child, not a verdict.</source>
            <translation>Guardian can be wrong, in both directions. A finding is a reason for a calm conversation with your child, not a verdict.</translation>
        </message>
        <message>
            <source>Guardian does not spy on the phone and does not read anything you have not imported yourself.</source>
            <translation>Guardian does not spy on the phone and does not read anything you have not imported yourself.</translation>
        </message>
    </context>
    <context>
        <name>AppPage</name>
        <message>
            <source>Which app are the chats in?</source>
            <translation>Which app are the chats in?</translation>
        </message>
        <message>
            <source>Choose the app your child uses. The next page shows how to save its chats to a file. You can also drop files on the main window at any time.</source>
            <translation>Choose the app your child uses. The next page shows how to save its chats to a file. You can also drop files on the main window at any time.</translation>
        </message>
        <message>
            <source>Chat apps</source>
            <translation>Chat apps</translation>
        </message>
    </context>
    <context>
        <name>ChatView</name>
        <message>
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
        <message>
            <source>Chat bubbles: your child's messages on one side, everyone else's on the other. The message Guardian flagged is framed and starts with the word “flagged”.</source>
            <translation>Chat bubbles: your child's messages on one side, everyone else's on the other. The message Guardian flagged is framed and starts with the word “flagged”.</translation>
        </message>
        <message>
            <source>Choose a finding or a conversation to read it here.</source>
            <translation>Choose a finding or a conversation to read it here.</translation>
        </message>
        <message>
            <source>[attachment]</source>
            <translation>[attachment]</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>your child</source>
            <translation>your child</translation>
        </message>
        <message>
            <source>flagged</source>
            <translation>flagged</translation>
        </message>
        <message>
            <source>This conversation has no messages.</source>
            <translation>This conversation has no messages.</translation>
        </message>
    </context>
    <context>
        <name>ChildPage</name>
        <message>
            <source>Your child</source>
            <translation>Your child</translation>
        </message>
        <message>
            <source>Write your child's first name as it appears in their chats. For more than one child, separate the names with commas. Guardian uses it only to find your child in the chats.</source>
            <translation>Write your child's first name as it appears in their chats. For more than one child, separate the names with commas. Guardian uses it only to find your child in the chats.</translation>
        </message>
        <message>
            <source>&amp;Name(s):</source>
            <translation>&amp;Name(s):</translation>
        </message>
        <message>
            <source>e.g. Reem, Omar</source>
            <translation>e.g. Reem, Omar</translation>
        </message>
        <message>
            <source>Your child's names</source>
            <translation>Your child's names</translation>
        </message>
        <message>
            <source>Which one is your child?</source>
            <translation>Which one is your child?</translation>
        </message>
        <message>
            <source>Guardian needs to know who your child is in each chat, to tell what was said to them from what they said. Guardian's guess is already chosen; change it if it is wrong.</source>
            <translation>Guardian needs to know who your child is in each chat, to tell what was said to them from what they said. Guardian's guess is already chosen; change it if it is wrong.</translation>
        </message>
        <message>
            <source>The export names its owner.</source>
            <translation>The export names its owner.</translation>
        </message>
        <message>
            <source>Chosen before.</source>
            <translation>Chosen before.</translation>
        </message>
        <message>
            <source>The name matches your child's name.</source>
            <translation>The name matches your child's name.</translation>
        </message>
        <message>
            <source>Guessed: the person who writes most in this chat.</source>
            <translation>Guessed: the person who writes most in this chat.</translation>
        </message>
        <message>
            <source>Guardian could not guess; please choose.</source>
            <translation>Guardian could not guess; please choose.</translation>
        </message>
        <message>
            <source>My child is not in this chat</source>
            <translation>My child is not in this chat</translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n messages)</source>
            <translation>
                <numerusform>%1 (%Ln message)</numerusform>
                <numerusform>%1 (%Ln messages)</numerusform>
            </translation>
        </message>
        <message>
            <source>Your child in %1</source>
            <translation>Your child in %1</translation>
        </message>
        <message>
            <source>Your &amp;child:</source>
            <translation>Your &amp;child:</translation>
        </message>
        <message>
            <source>No new conversations were found in these files.</source>
            <translation>No new conversations were found in these files.</translation>
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
        <message>
            <source>All conversations</source>
            <translation>All conversations</translation>
        </message>
        <message>
            <source>not chosen</source>
            <translation>not chosen</translation>
        </message>
        <message>
            <source>Your child:</source>
            <translation>Your child:</translation>
        </message>
    </context>
    <context>
        <name>CsvPage</name>
        <message>
            <source>Which column is which?</source>
            <translation>Which column is which?</translation>
        </message>
        <message>
            <source>Guardian guessed from the column names; check and correct.</source>
            <translation>Guardian guessed from the column names; check and correct.</translation>
        </message>
        <message>
            <source>&amp;Time:</source>
            <translation>&amp;Time:</translation>
        </message>
        <message>
            <source>&amp;Sender:</source>
            <translation>&amp;Sender:</translation>
        </message>
        <message>
            <source>Te&amp;xt:</source>
            <translation>Te&amp;xt:</translation>
        </message>
        <message>
            <source>&amp;Conversation (optional):</source>
            <translation>&amp;Conversation (optional):</translation>
        </message>
        <message>
            <source>Time &amp;format (only if times are not read):</source>
            <translation>Time &amp;format (only if times are not read):</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>Findings per week, by kind of harm</source>
            <translation>Findings per week, by kind of harm</translation>
        </message>
        <message>
            <source>By kind of harm</source>
            <translation>By kind of harm</translation>
        </message>
        <message>
            <source>By sender</source>
            <translation>By sender</translation>
        </message>
        <message>
            <source>By hour of the day</source>
            <translation>By hour of the day</translation>
        </message>
        <message>
            <source>Nothing to show yet.</source>
            <translation>Nothing to show yet.</translation>
        </message>
        <message numerus="yes">
            <source>Welcome. %n findings need your attention.</source>
            <translation>
                <numerusform>Welcome. %Ln finding needs your attention.</numerusform>
                <numerusform>Welcome. %Ln findings need your attention.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Since your last visit (%1): %n new findings.</source>
            <translation>
                <numerusform>Since your last visit (%1): %Ln new finding.</numerusform>
                <numerusform>Since your last visit (%1): %Ln new findings.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n of them serious.</source>
            <translation>
                <numerusform>%Ln of them is serious.</numerusform>
                <numerusform>%Ln of them are serious.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n findings were sent late at night (10 pm to 6 am, the dark bars).</source>
            <translation>
                <numerusform>%Ln finding was sent late at night (10 pm to 6 am, the dark bars).</numerusform>
                <numerusform>%Ln findings were sent late at night (10 pm to 6 am, the dark bars).</numerusform>
            </translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Shaded: night, from 10 pm to 6 am</source>
            <translation>Shaded: night, from 10 pm to 6 am</translation>
        </message>
        <message>
            <source>Findings at night</source>
            <translation>Findings at night</translation>
        </message>
        <message>
            <source>Findings in the day</source>
            <translation>Findings in the day</translation>
        </message>
        <message>
            <source>Hours: %1 is midnight, %2 is noon.</source>
            <translation>Hours: %1 is midnight, %2 is noon.</translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <source>Imported</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>File or line</source>
            <translation>File or line</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>What was imported and what was skipped</source>
            <translation>What was imported and what was skipped</translation>
        </message>
        <message>
            <source>Every line was read.</source>
            <translation>Every line was read.</translation>
        </message>
        <message numerus="yes">
            <source>%n new messages</source>
            <translation>
                <numerusform>%Ln new message</numerusform>
                <numerusform>%Ln new messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>from %n files.</source>
            <translation>
                <numerusform>from %Ln file.</numerusform>
                <numerusform>from %Ln files.</numerusform>
            </translation>
        </message>
        <message>
            <source>Guardian now reads them for signs of harm; the findings appear in the main window in a moment.</source>
            <translation>Guardian now reads them for signs of harm; the findings appear in the main window in a moment.</translation>
        </message>
        <message>
            <source>Everything in them was imported before, so nothing was added twice.</source>
            <translation>Everything in them was imported before, so nothing was added twice.</translation>
        </message>
        <message numerus="yes">
            <source>%n lines could not be read; they are listed below with the reason.</source>
            <translation>
                <numerusform>%Ln line could not be read; it is listed below with the reason.</numerusform>
                <numerusform>%Ln lines could not be read; they are listed below with the reason.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n messages read, %1 new</source>
            <translation>
                <numerusform>%Ln message read, %1 new</numerusform>
                <numerusform>%Ln messages read, %1 new</numerusform>
            </translation>
        </message>
        <message>
            <source>line %1</source>
            <translation>line %1</translation>
        </message>
        <message>
            <source>not a chat; passed over</source>
            <translation>not a chat; passed over</translation>
        </message>
        <message>
            <source>text before the first message; ignored</source>
            <translation>text before the first message; ignored</translation>
        </message>
        <message>
            <source>the time could not be read</source>
            <translation>the time could not be read</translation>
        </message>
        <message>
            <source>the date is impossible</source>
            <translation>the date is impossible</translation>
        </message>
        <message>
            <source>the row has fewer columns than the header</source>
            <translation>the row has fewer columns than the header</translation>
        </message>
        <message>
            <source>the row is not readable</source>
            <translation>the row is not readable</translation>
        </message>
        <message>
            <source>the file is damaged or cut off here</source>
            <translation>the file is damaged or cut off here</translation>
        </message>
    </context>
    <context>
        <name>ExportSteps</name>
        <message>
            <source>Android phone</source>
            <translation>Android phone</translation>
        </message>
        <message>
            <source>iPhone</source>
            <translation>iPhone</translation>
        </message>
        <message>
            <source>Computer</source>
            <translation>Computer</translation>
        </message>
        <message>
            <source>Send the file to this computer (e-mail it to yourself, or copy it with a cable or a USB stick), then drop it on Guardian's window.</source>
            <translation>Send the file to this computer (e-mail it to yourself, or copy it with a cable or a USB stick), then drop it on Guardian's window.</translation>
        </message>
        <message>
            <source>Open the app's Settings and look for "Download your information" (in Accounts Center).</source>
            <translation>Open the app's Settings and look for "Download your information" (in Accounts Center).</translation>
        </message>
        <message>
            <source>Choose Messages only, the format JSON, and the whole date range.</source>
            <translation>Choose Messages only, the format JSON, and the whole date range.</translation>
        </message>
        <message>
            <source>Wait for the e-mail saying the file is ready (from minutes to a few days).</source>
            <translation>Wait for the e-mail saying the file is ready (from minutes to a few days).</translation>
        </message>
        <message>
            <source>Download the .zip file on this computer and drop it here as it is; no need to unzip it.</source>
            <translation>Download the .zip file on this computer and drop it here as it is; no need to unzip it.</translation>
        </message>
        <message>
            <source>Open the chat you want Guardian to read.</source>
            <translation>Open the chat you want Guardian to read.</translation>
        </message>
        <message>
            <source>Tap the three dots ⋮ at the top of the screen.</source>
            <translation>Tap the three dots ⋮ at the top of the screen.</translation>
        </message>
        <message>
            <source>Tap "More", then "Export chat".</source>
            <translation>Tap "More", then "Export chat".</translation>
        </message>
        <message>
            <source>Choose "Without media": it is smaller and enough for Guardian.</source>
            <translation>Choose "Without media": it is smaller and enough for Guardian.</translation>
        </message>
        <message>
            <source>Tap the name of the person or group at the top.</source>
            <translation>Tap the name of the person or group at the top.</translation>
        </message>
        <message>
            <source>Scroll down and tap "Export Chat".</source>
            <translation>Scroll down and tap "Export Chat".</translation>
        </message>
        <message>
            <source>Choose "Without Media".</source>
            <translation>Choose "Without Media".</translation>
        </message>
        <message>
            <source>Do this on your child's phone. Repeat for each chat that worries you.</source>
            <translation>Do this on your child's phone. Repeat for each chat that worries you.</translation>
        </message>
        <message>
            <source>Install Telegram Desktop on this computer and sign in with your child's account (a code arrives on the phone).</source>
            <translation>Install Telegram Desktop on this computer and sign in with your child's account (a code arrives on the phone).</translation>
        </message>
        <message>
            <source>Open Settings, then Advanced, then "Export Telegram data".</source>
            <translation>Open Settings, then Advanced, then "Export Telegram data".</translation>
        </message>
        <message>
            <source>Tick personal and group chats and choose "Machine-readable JSON".</source>
            <translation>Tick personal and group chats and choose "Machine-readable JSON".</translation>
        </message>
        <message>
            <source>Press Export, then drop the folder it made on Guardian's window.</source>
            <translation>Press Export, then drop the folder it made on Guardian's window.</translation>
        </message>
        <message>
            <source>Telegram's phone apps cannot export chats; the computer app can.</source>
            <translation>Telegram's phone apps cannot export chats; the computer app can.</translation>
        </message>
        <message>
            <source>Instagram sends the file by e-mail to the account's address.</source>
            <translation>Instagram sends the file by e-mail to the account's address.</translation>
        </message>
        <message>
            <source>Messenger's file comes from Facebook's Accounts Center, by e-mail.</source>
            <translation>Messenger's file comes from Facebook's Accounts Center, by e-mail.</translation>
        </message>
        <message>
            <source>Tap your child's picture, then the gear ⚙ for Settings.</source>
            <translation>Tap your child's picture, then the gear ⚙ for Settings.</translation>
        </message>
        <message>
            <source>Open "Data &amp; Privacy" and tap "Request all of my data".</source>
            <translation>Open "Data &amp; Privacy" and tap "Request all of my data".</translation>
        </message>
        <message>
            <source>Discord e-mails a link within 30 days; the link works for 30 days.</source>
            <translation>Discord e-mails a link within 30 days; the link works for 30 days.</translation>
        </message>
        <message>
            <source>Discord's file holds only the messages your child sent. For messages they received, take screenshots and copy the message links.</source>
            <translation>Discord's file holds only the messages your child sent. For messages they received, take screenshots and copy the message links.</translation>
        </message>
        <message>
            <source>First, in each worrying chat, press and hold the messages to save them.</source>
            <translation>First, in each worrying chat, press and hold the messages to save them.</translation>
        </message>
        <message>
            <source>Open Settings, then "My Data", sign in and tap "Submit Request".</source>
            <translation>Open Settings, then "My Data", sign in and tap "Submit Request".</translation>
        </message>
        <message>
            <source>Wait for the e-mail, then download the .zip file on this computer.</source>
            <translation>Wait for the e-mail, then download the .zip file on this computer.</translation>
        </message>
        <message>
            <source>Drop the .zip file on Guardian's window.</source>
            <translation>Drop the .zip file on Guardian's window.</translation>
        </message>
        <message>
            <source>Snapchat's file holds only chats that were saved; chats that disappeared are missing.</source>
            <translation>Snapchat's file holds only chats that were saved; chats that disappeared are missing.</translation>
        </message>
        <message>
            <source>Install the free app "SMS Backup &amp; Restore" on your child's phone.</source>
            <translation>Install the free app "SMS Backup &amp; Restore" on your child's phone.</translation>
        </message>
        <message>
            <source>Make a backup of the text messages to a file on the phone.</source>
            <translation>Make a backup of the text messages to a file on the phone.</translation>
        </message>
        <message>
            <source>An iPhone cannot export text messages to a file by itself.</source>
            <translation>An iPhone cannot export text messages to a file by itself.</translation>
        </message>
        <message>
            <source>Take screenshots of the worrying messages and keep them safe.</source>
            <translation>Take screenshots of the worrying messages and keep them safe.</translation>
        </message>
        <message>
            <source>Install Signal Desktop on this computer and link it to your child's phone (scan the code shown with the phone).</source>
            <translation>Install Signal Desktop on this computer and link it to your child's phone (scan the code shown with the phone).</translation>
        </message>
        <message>
            <source>Use the free tool signal-export to write the chats into a folder.</source>
            <translation>Use the free tool signal-export to write the chats into a folder.</translation>
        </message>
        <message>
            <source>Drop that folder on Guardian's window.</source>
            <translation>Drop that folder on Guardian's window.</translation>
        </message>
        <message>
            <source>Signal's phone apps cannot export chats; this needs a computer and some patience, or a helper who knows computers.</source>
            <translation>Signal's phone apps cannot export chats; this needs a computer and some patience, or a helper who knows computers.</translation>
        </message>
        <message>
            <source>Any table saved as CSV works if it has a column for the time, one for the sender and one for the text.</source>
            <translation>Any table saved as CSV works if it has a column for the time, one for the sender and one for the text.</translation>
        </message>
        <message>
            <source>Choose the file on the next page; then tell Guardian which column is which.</source>
            <translation>Choose the file on the next page; then tell Guardian which column is which.</translation>
        </message>
    </context>
    <context>
        <name>FilesPage</name>
        <message>
            <source>Choose the exported files</source>
            <translation>Choose the exported files</translation>
        </message>
        <message>
            <source>Choose the file you saved from the app: a .txt, .json, .html, .xml or .csv file, a .zip file, or a whole folder. You can also drag them into the list below.</source>
            <translation>Choose the file you saved from the app: a .txt, .json, .html, .xml or .csv file, a .zip file, or a whole folder. You can also drag them into the list below.</translation>
        </message>
        <message>
            <source>Choose &amp;files…</source>
            <translation>Choose &amp;files…</translation>
        </message>
        <message>
            <source>Choose a f&amp;older…</source>
            <translation>Choose a f&amp;older…</translation>
        </message>
        <message>
            <source>&amp;Remove from the list</source>
            <translation>&amp;Remove from the list</translation>
        </message>
        <message>
            <source>Files to import</source>
            <translation>Files to import</translation>
        </message>
        <message>
            <source>Choose the table</source>
            <translation>Choose the table</translation>
        </message>
        <message>
            <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
            <translation>Tables (*.csv *.tsv *.txt);;All files (*)</translation>
        </message>
        <message>
            <source>Choose the exported chats</source>
            <translation>Choose the exported chats</translation>
        </message>
        <message>
            <source>Choose the export folder</source>
            <translation>Choose the export folder</translation>
        </message>
    </context>
    <context>
        <name>FindingsModel</name>
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
            <source>Conversation</source>
            <translation>Conversation</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Your decision</source>
            <translation>Your decision</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
    </context>
    <context>
        <name>FindingsPane</name>
        <message>
            <source>Findings</source>
            <translation>Findings</translation>
        </message>
        <message>
            <source>&amp;Severity</source>
            <translation>&amp;Severity</translation>
        </message>
        <message>
            <source>&amp;Kind of harm</source>
            <translation>&amp;Kind of harm</translation>
        </message>
        <message>
            <source>Sho&amp;w</source>
            <translation>Sho&amp;w</translation>
        </message>
        <message>
            <source>Con&amp;versation</source>
            <translation>Con&amp;versation</translation>
        </message>
        <message>
            <source>Se&amp;nder</source>
            <translation>Se&amp;nder</translation>
        </message>
        <message>
            <source>Fro&amp;m</source>
            <translation>Fro&amp;m</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>&amp;To</translation>
        </message>
        <message>
            <source>Show a&amp;ll</source>
            <translation>Show a&amp;ll</translation>
        </message>
        <message>
            <source>any date</source>
            <translation>any date</translation>
        </message>
        <message>
            <source>Any</source>
            <translation>Any</translation>
        </message>
        <message>
            <source>%1 or worse</source>
            <translation>%1 or worse</translation>
        </message>
        <message>
            <source>Needing attention</source>
            <translation>Needing attention</translation>
        </message>
        <message>
            <source>All findings</source>
            <translation>All findings</translation>
        </message>
        <message>
            <source>&amp;Import chats…</source>
            <translation>&amp;Import chats…</translation>
        </message>
        <message>
            <source>Anyone</source>
            <translation>Anyone</translation>
        </message>
        <message>
            <source>Updating the list…</source>
            <translation>Updating the list…</translation>
        </message>
        <message>
            <source>Reading the findings…</source>
            <translation>Reading the findings…</translation>
        </message>
        <message>
            <source>No chats yet. Import your child's chats to begin: choose Import chats, or drag the exported files onto this window.</source>
            <translation>No chats yet. Import your child's chats to begin: choose Import chats, or drag the exported files onto this window.</translation>
        </message>
        <message>
            <source>Guardian is reading the chats…</source>
            <translation>Guardian is reading the chats…</translation>
        </message>
        <message>
            <source>Guardian found nothing worrying in the imported chats. It can miss things: keep talking with your child.</source>
            <translation>Guardian found nothing worrying in the imported chats. It can miss things: keep talking with your child.</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n findings shown</source>
            <translation>
                <numerusform>%1 of %Ln finding shown</numerusform>
                <numerusform>%1 of %Ln findings shown</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Guardian: getting started</source>
            <translation>Guardian: getting started</translation>
        </message>
    </context>
    <context>
        <name>FolderStatusPanel</name>
        <message>
            <source>Connected folders</source>
            <translation>Connected folders</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Last import</source>
            <translation>Last import</translation>
        </message>
        <message>
            <source>Connected folders and their state</source>
            <translation>Connected folders and their state</translation>
        </message>
        <message>
            <source>Connect or remove folders…</source>
            <translation>Connect or remove folders…</translation>
        </message>
        <message>
            <source>Importing new chats…</source>
            <translation>Importing new chats…</translation>
        </message>
        <message>
            <source>Folder not found (a removed drive?)</source>
            <translation>Folder not found (a removed drive?)</translation>
        </message>
        <message>
            <source>Not checked yet</source>
            <translation>Not checked yet</translation>
        </message>
        <message>
            <source>“%1” could not be imported</source>
            <translation>“%1” could not be imported</translation>
        </message>
        <message>
            <source>A file could not be imported</source>
            <translation>A file could not be imported</translation>
        </message>
        <message>
            <source>Watching</source>
            <translation>Watching</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>No folder is connected. Connect the folder where you save your child's chat exports, and Guardian imports new ones by itself while it runs.</source>
            <translation>No folder is connected. Connect the folder where you save your child's chat exports, and Guardian imports new ones by itself while it runs.</translation>
        </message>
        <message>
            <source>Guardian watches these folders and imports new exports by itself.</source>
            <translation>Guardian watches these folders and imports new exports by itself.</translation>
        </message>
        <message>
            <source>Folders: importing…</source>
            <translation>Folders: importing…</translation>
        </message>
        <message numerus="yes">
            <source>Folders: %n need attention</source>
            <translation>
                <numerusform>Folders: %Ln needs attention</numerusform>
                <numerusform>Folders: %Ln need attention</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Folders: watching %n</source>
            <translation>
                <numerusform>Folders: watching %Ln</numerusform>
                <numerusform>Folders: watching %Ln</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Illustration</name>
        <message>
            <source>A phone with the chat's menu open at the top corner and the export item marked.</source>
            <translation>A phone with the chat's menu open at the top corner and the export item marked.</translation>
        </message>
        <message>
            <source>A computer window with the app's export button marked.</source>
            <translation>A computer window with the app's export button marked.</translation>
        </message>
        <message>
            <source>Files being dragged onto the Guardian window.</source>
            <translation>Files being dragged onto the Guardian window.</translation>
        </message>
        <message>
            <source>An iPhone chat with the contact's name at the top marked, where the export option is.</source>
            <translation>An iPhone chat with the contact's name at the top marked, where the export option is.</translation>
        </message>
        <message>
            <source>An app's settings page with the request for a copy of your data marked.</source>
            <translation>An app's settings page with the request for a copy of your data marked.</translation>
        </message>
        <message>
            <source>A phone sending the exported file to a computer.</source>
            <translation>A phone sending the exported file to a computer.</translation>
        </message>
        <message>
            <source>A table whose columns are matched to date, sender and message.</source>
            <translation>A table whose columns are matched to date, sender and message.</translation>
        </message>
        <message>
            <source>Picture</source>
            <translation>Picture</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import chats</source>
            <translation>Import chats</translation>
        </message>
        <message>
            <source>The file “%1” could not be imported.</source>
            <translation>The file “%1” could not be imported.</translation>
        </message>
        <message>
            <source>The import failed.</source>
            <translation>The import failed.</translation>
        </message>
        <message>
            <source>Nothing was changed: everything imported before is still here.</source>
            <translation>Nothing was changed: everything imported before is still here.</translation>
        </message>
        <message>
            <source>The problem: %1</source>
            <translation>The problem: %1</translation>
        </message>
        <message>
            <source>this is not a chat export Guardian can read. Check that you chose the file the app saved (WhatsApp: a .txt or .zip file).</source>
            <translation>this is not a chat export Guardian can read. Check that you chose the file the app saved (WhatsApp: a .txt or .zip file).</translation>
        </message>
        <message>
            <source>the file is empty.</source>
            <translation>the file is empty.</translation>
        </message>
        <message>
            <source>the file or folder is no longer there.</source>
            <translation>the file or folder is no longer there.</translation>
        </message>
        <message>
            <source>the file cannot be opened (is it still being copied, or on a removed drive?).</source>
            <translation>the file cannot be opened (is it still being copied, or on a removed drive?).</translation>
        </message>
        <message>
            <source>this is not an ordinary file.</source>
            <translation>this is not an ordinary file.</translation>
        </message>
        <message>
            <source>the disk is full; free some space and try again.</source>
            <translation>the disk is full; free some space and try again.</translation>
        </message>
        <message>
            <source>the file is damaged or incomplete; export it again.</source>
            <translation>the file is damaged or incomplete; export it again.</translation>
        </message>
        <message>
            <source>Technical detail: %1</source>
            <translation>Technical detail: %1</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Insults and mockery</source>
            <translation>Insults and mockery</translation>
        </message>
        <message>
            <source>Threats</source>
            <translation>Threats</translation>
        </message>
        <message>
            <source>Sexual content</source>
            <translation>Sexual content</translation>
        </message>
        <message>
            <source>Blackmail</source>
            <translation>Blackmail</translation>
        </message>
        <message>
            <source>Grooming by a stranger</source>
            <translation>Grooming by a stranger</translation>
        </message>
        <message>
            <source>Rumours</source>
            <translation>Rumours</translation>
        </message>
        <message>
            <source>Impersonation</source>
            <translation>Impersonation</translation>
        </message>
        <message>
            <source>Exclusion</source>
            <translation>Exclusion</translation>
        </message>
        <message>
            <source>Self-harm or deep distress</source>
            <translation>Self-harm or deep distress</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Low</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>Medium</translation>
        </message>
        <message>
            <source>High</source>
            <translation>High</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>Critical</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Reviewed</translation>
        </message>
        <message>
            <source>Not a problem</source>
            <translation>Not a problem</translation>
        </message>
        <message>
            <source>Important</source>
            <translation>Important</translation>
        </message>
        <message>
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <source>Telegram</source>
            <translation>Telegram</translation>
        </message>
        <message>
            <source>Instagram</source>
            <translation>Instagram</translation>
        </message>
        <message>
            <source>Messenger</source>
            <translation>Messenger</translation>
        </message>
        <message>
            <source>Discord</source>
            <translation>Discord</translation>
        </message>
        <message>
            <source>SMS text messages</source>
            <translation>SMS text messages</translation>
        </message>
        <message>
            <source>Snapchat</source>
            <translation>Snapchat</translation>
        </message>
        <message>
            <source>Signal</source>
            <translation>Signal</translation>
        </message>
        <message>
            <source>A table (CSV)</source>
            <translation>A table (CSV)</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to Guardian. Choose your language</source>
            <translation>Welcome to Guardian. Choose your language</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>Guardian is locked to keep the chats private. Enter the passphrase to continue.</source>
            <translation>Guardian is locked to keep the chats private. Enter the passphrase to continue.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <source>That passphrase is not right. Each wrong try makes the next one wait a little longer.</source>
            <translation>That passphrase is not right. Each wrong try makes the next one wait a little longer.</translation>
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
            <source>&amp;Import chats…</source>
            <translation>&amp;Import chats…</translation>
        </message>
        <message>
            <source>&amp;Analyse again</source>
            <translation>&amp;Analyse again</translation>
        </message>
        <message>
            <source>&amp;Export a report…</source>
            <translation>&amp;Export a report…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>Mark as &amp;reviewed</source>
            <translation>Mark as &amp;reviewed</translation>
        </message>
        <message>
            <source>Mark as &amp;not a problem</source>
            <translation>Mark as &amp;not a problem</translation>
        </message>
        <message>
            <source>Mark as &amp;important</source>
            <translation>Mark as &amp;important</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Findings</source>
            <translation>&amp;Findings</translation>
        </message>
        <message>
            <source>&amp;Overview</source>
            <translation>&amp;Overview</translation>
        </message>
        <message>
            <source>&amp;Protect your child</source>
            <translation>&amp;Protect your child</translation>
        </message>
        <message>
            <source>Go to the findings &amp;list</source>
            <translation>Go to the findings &amp;list</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Text size</source>
            <translation>&amp;Text size</translation>
        </message>
        <message>
            <source>&amp;Larger</source>
            <translation>&amp;Larger</translation>
        </message>
        <message>
            <source>&amp;Smaller</source>
            <translation>&amp;Smaller</translation>
        </message>
        <message>
            <source>&amp;Normal</source>
            <translation>&amp;Normal</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About Guardian</source>
            <translation>&amp;About Guardian</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Analysis progress</source>
            <translation>Analysis progress</translation>
        </message>
        <message>
            <source>The findings could not be read. Try Analyse again.</source>
            <translation>The findings could not be read. Try Analyse again.</translation>
        </message>
        <message>
            <source>Please wait until the import has finished.</source>
            <translation>Please wait until the import has finished.</translation>
        </message>
        <message>
            <source>Mark “%1” as %2</source>
            <translation>Mark “%1” as %2</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>An import is already running.</source>
            <translation>An import is already running.</translation>
        </message>
        <message>
            <source>Reading the chats for signs of harm…</source>
            <translation>Reading the chats for signs of harm…</translation>
        </message>
        <message numerus="yes">
            <source>Reading the chats: %1 of %n messages</source>
            <translation>
                <numerusform>Reading the chats: %1 of %Ln message</numerusform>
                <numerusform>Reading the chats: %1 of %Ln messages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new serious findings. Open Guardian to read them.</source>
            <translation>
                <numerusform>%Ln new serious finding. Open Guardian to read it.</numerusform>
                <numerusform>%Ln new serious findings. Open Guardian to read them.</numerusform>
            </translation>
        </message>
        <message>
            <source>Guardian cannot analyse the chats: its analysis model is missing or damaged. Reinstall Guardian. (The imported chats are safe.)</source>
            <translation>Guardian cannot analyse the chats: its analysis model is missing or damaged. Reinstall Guardian. (The imported chats are safe.)</translation>
        </message>
        <message>
            <source>The analysis stopped with an error. The imported chats are safe; try Analyse again.</source>
            <translation>The analysis stopped with an error. The imported chats are safe; try Analyse again.</translation>
        </message>
        <message>
            <source>Writing the report…</source>
            <translation>Writing the report…</translation>
        </message>
        <message>
            <source>Report saved: %1</source>
            <translation>Report saved: %1</translation>
        </message>
        <message>
            <source>Export a report</source>
            <translation>Export a report</translation>
        </message>
        <message>
            <source>The report could not be written; nothing was changed. (%1)</source>
            <translation>The report could not be written; nothing was changed. (%1)</translation>
        </message>
        <message>
            <source>An import is running. Stop it and quit? Nothing of it will be kept.</source>
            <translation>An import is running. Stop it and quit? Nothing of it will be kept.</translation>
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
        <name>PassphrasePage</name>
        <message>
            <source>A passphrase for your data</source>
            <translation>A passphrase for your data</translation>
        </message>
        <message>
            <source>A passphrase locks the chats: Guardian asks for it each time it opens. Write it down somewhere safe: if you forget it, the imported chats are gone for good; nobody can recover them.</source>
            <translation>A passphrase locks the chats: Guardian asks for it each time it opens. Write it down somewhere safe: if you forget it, the imported chats are gone for good; nobody can recover them.</translation>
        </message>
        <message>
            <source>This computer has no system keyring, so a passphrase protects the chats. Write it down somewhere safe: if you forget it, the imported chats are gone for good; nobody can recover them.</source>
            <translation>This computer has no system keyring, so a passphrase protects the chats. Write it down somewhere safe: if you forget it, the imported chats are gone for good; nobody can recover them.</translation>
        </message>
        <message>
            <source>Instead, open without a passphrase whenever I am logged in to this computer (the key is kept in the system keyring)</source>
            <translation>Instead, open without a passphrase whenever I am logged in to this computer (the key is kept in the system keyring)</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <source>&amp;Repeat:</source>
            <translation>&amp;Repeat:</translation>
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
            <source>At least 8 characters, please.</source>
            <translation>At least 8 characters, please.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>The two passphrases differ.</translation>
        </message>
    </context>
    <context>
        <name>Protect</name>
        <message>
            <source>Block</source>
            <translation>Block</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Report</translation>
        </message>
        <message>
            <source>Limit who can contact your child</source>
            <translation>Limit who can contact your child</translation>
        </message>
        <message>
            <source>Filters</source>
            <translation>Filters</translation>
        </message>
        <message>
            <source>Parental supervision</source>
            <translation>Parental supervision</translation>
        </message>
        <message>
            <source>Save the chats (export)</source>
            <translation>Save the chats (export)</translation>
        </message>
        <message>
            <source>Minimum age</source>
            <translation>Minimum age</translation>
        </message>
    </context>
    <context>
        <name>ProtectPane</name>
        <message>
            <source>Protect your child: block, report and limit contact, app by app</source>
            <translation>Protect your child: block, report and limit contact, app by app</translation>
        </message>
        <message>
            <source>Apps and devices</source>
            <translation>Apps and devices</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Steps</translation>
        </message>
        <message>
            <source>Before you block</source>
            <translation>Before you block</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>Source:</translation>
        </message>
        <message>
            <source>checked</source>
            <translation>checked</translation>
        </message>
        <message>
            <source>Guardian’s advice</source>
            <translation>Guardian’s advice</translation>
        </message>
        <message>
            <source>not confirmed by the app maker</source>
            <translation>not confirmed by the app maker</translation>
        </message>
        <message>
            <source>Checked on %1. Apps change their menus often.</source>
            <translation>Checked on %1. Apps change their menus often.</translation>
        </message>
    </context>
    <context>
        <name>ReportOptionsDialog</name>
        <message>
            <source>Export a report</source>
            <translation>Export a report</translation>
        </message>
        <message>
            <source>A report for a school counsellor or the police: every finding with what was said, why it matters, what to do, and the original lines as evidence. Pictures and videos are never included.</source>
            <translation>A report for a school counsellor or the police: every finding with what was said, why it matters, what to do, and the original lines as evidence. Pictures and videos are never included.</translation>
        </message>
        <message>
            <source>PDF (to print or send)</source>
            <translation>PDF (to print or send)</translation>
        </message>
        <message>
            <source>Web page (HTML)</source>
            <translation>Web page (HTML)</translation>
        </message>
        <message>
            <source>Spreadsheet (CSV)</source>
            <translation>Spreadsheet (CSV)</translation>
        </message>
        <message>
            <source>Data (JSON)</source>
            <translation>Data (JSON)</translation>
        </message>
        <message>
            <source>Evidence bundle (ZIP with all formats and checksums)</source>
            <translation>Evidence bundle (ZIP with all formats and checksums)</translation>
        </message>
        <message>
            <source>Report format</source>
            <translation>Report format</translation>
        </message>
        <message>
            <source>Report language</source>
            <translation>Report language</translation>
        </message>
        <message>
            <source>Hide other people's names, phone numbers and e-mails (for sharing outside the family)</source>
            <translation>Hide other people's names, phone numbers and e-mails (for sharing outside the family)</translation>
        </message>
        <message>
            <source>Include findings marked "not a problem"</source>
            <translation>Include findings marked "not a problem"</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>Format:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Language:</translation>
        </message>
    </context>
    <context>
        <name>ReportPane</name>
        <message>
            <source>Report</source>
            <translation>Report</translation>
        </message>
        <message>
            <source>Choose a finding to see what it means and what to do.</source>
            <translation>Choose a finding to see what it means and what to do.</translation>
        </message>
        <message>
            <source>Why Guardian flagged it</source>
            <translation>Why Guardian flagged it</translation>
        </message>
        <message>
            <source>How sure Guardian is:</source>
            <translation>How sure Guardian is:</translation>
        </message>
        <message>
            <source>What to do now</source>
            <translation>What to do now</translation>
        </message>
        <message>
            <source>What was said</source>
            <translation>What was said</translation>
        </message>
        <message>
            <source>Why it matters</source>
            <translation>Why it matters</translation>
        </message>
        <message>
            <source>How serious</source>
            <translation>How serious</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>Source:</translation>
        </message>
        <message>
            <source>Where to get help</source>
            <translation>Where to get help</translation>
        </message>
        <message>
            <source>checked on %1</source>
            <translation>checked on %1</translation>
        </message>
        <message>
            <source>Block and report</source>
            <translation>Block and report</translation>
        </message>
        <message>
            <source>Before you block:</source>
            <translation>Before you block:</translation>
        </message>
        <message>
            <source>export or screenshot the chat first. Blocking or leaving can hide the history.</source>
            <translation>export or screenshot the chat first. Blocking or leaving can hide the history.</translation>
        </message>
        <message>
            <source>How to block and report on %1</source>
            <translation>How to block and report on %1</translation>
        </message>
        <message>
            <source>Guardian can be wrong. Use this to start a calm conversation with your child, not as a verdict.</source>
            <translation>Guardian can be wrong. Use this to start a calm conversation with your child, not as a verdict.</translation>
        </message>
        <message>
            <source>From %1 in %2, %3.</source>
            <translation>From %1 in %2, %3.</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
    </context>
    <context>
        <name>ReviewBar</name>
        <message>
            <source>Your decision</source>
            <translation>Your decision</translation>
        </message>
        <message>
            <source>&amp;Reviewed</source>
            <translation>&amp;Reviewed</translation>
        </message>
        <message>
            <source>I have read it (Alt+R)</source>
            <translation>I have read it (Alt+R)</translation>
        </message>
        <message>
            <source>&amp;Not a problem</source>
            <translation>&amp;Not a problem</translation>
        </message>
        <message>
            <source>Guardian was wrong here; it will not flag the same message from the same person again (Alt+N)</source>
            <translation>Guardian was wrong here; it will not flag the same message from the same person again (Alt+N)</translation>
        </message>
        <message>
            <source>Im&amp;portant</source>
            <translation>Im&amp;portant</translation>
        </message>
        <message>
            <source>Keep this for the report and for follow-up (Alt+P)</source>
            <translation>Keep this for the report and for follow-up (Alt+P)</translation>
        </message>
        <message>
            <source>N&amp;ote (only on this computer):</source>
            <translation>N&amp;ote (only on this computer):</translation>
        </message>
        <message>
            <source>Note about this finding</source>
            <translation>Note about this finding</translation>
        </message>
        <message>
            <source>&amp;Save note</source>
            <translation>&amp;Save note</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <source>Importing</source>
            <translation>Importing</translation>
        </message>
        <message>
            <source>&amp;Cancel import</source>
            <translation>&amp;Cancel import</translation>
        </message>
        <message>
            <source>Import progress</source>
            <translation>Import progress</translation>
        </message>
        <message>
            <source>Reading the files…</source>
            <translation>Reading the files…</translation>
        </message>
        <message numerus="yes">
            <source>%n messages read so far (file %1 of %2).</source>
            <translation>
                <numerusform>%Ln message read so far (file %1 of %2).</numerusform>
                <numerusform>%Ln messages read so far (file %1 of %2).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Done: %n new messages.</source>
            <translation>
                <numerusform>Done: %Ln new message.</numerusform>
                <numerusform>Done: %Ln new messages.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing was imported.</source>
            <translation>Nothing was imported.</translation>
        </message>
        <message>
            <source>The import was cancelled. Nothing was changed.</source>
            <translation>The import was cancelled. Nothing was changed.</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Time zone</translation>
        </message>
        <message>
            <source>Country for helplines</source>
            <translation>Country for helplines</translation>
        </message>
        <message>
            <source>Text size</source>
            <translation>Text size</translation>
        </message>
        <message>
            <source>Your child's names</source>
            <translation>Your child's names</translation>
        </message>
        <message>
            <source>Tell me when new serious findings arrive</source>
            <translation>Tell me when new serious findings arrive</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>This computer's time zone</source>
            <translation>This computer's time zone</translation>
        </message>
        <message>
            <source>From this computer's settings</source>
            <translation>From this computer's settings</translation>
        </message>
        <message>
            <source>e.g. Reem, Omar</source>
            <translation>e.g. Reem, Omar</translation>
        </message>
        <message>
            <source>How easily Guardian flags each kind of harm</source>
            <translation>How easily Guardian flags each kind of harm</translation>
        </message>
        <message>
            <source>Less often (−)</source>
            <translation>Less often (−)</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Normal</translation>
        </message>
        <message>
            <source>More often (+)</source>
            <translation>More often (+)</translation>
        </message>
        <message>
            <source>Your data</source>
            <translation>Your data</translation>
        </message>
        <message>
            <source>&amp;Open the data folder</source>
            <translation>&amp;Open the data folder</translation>
        </message>
        <message>
            <source>&amp;Delete all data…</source>
            <translation>&amp;Delete all data…</translation>
        </message>
        <message>
            <source>Set or change the &amp;passphrase…</source>
            <translation>Set or change the &amp;passphrase…</translation>
        </message>
        <message>
            <source>Guardian keeps the imported chats, encrypted, in:</source>
            <translation>Guardian keeps the imported chats, encrypted, in:</translation>
        </message>
        <message>
            <source>Connected folders</source>
            <translation>Connected folders</translation>
        </message>
        <message>
            <source>Save new exports into a connected folder and Guardian imports them by itself while it runs.</source>
            <translation>Save new exports into a connected folder and Guardian imports them by itself while it runs.</translation>
        </message>
        <message>
            <source>&amp;Add a folder…</source>
            <translation>&amp;Add a folder…</translation>
        </message>
        <message>
            <source>&amp;Remove the folder</source>
            <translation>&amp;Remove the folder</translation>
        </message>
        <message>
            <source>last import %1</source>
            <translation>last import %1</translation>
        </message>
        <message>
            <source>not checked yet</source>
            <translation>not checked yet</translation>
        </message>
        <message>
            <source>folder not found</source>
            <translation>folder not found</translation>
        </message>
        <message>
            <source>a file could not be imported</source>
            <translation>a file could not be imported</translation>
        </message>
        <message>
            <source>Choose a folder to connect</source>
            <translation>Choose a folder to connect</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>The new passphrase is set. Keep it somewhere safe: if it is forgotten, the chats cannot be recovered.</source>
            <translation>The new passphrase is set. Keep it somewhere safe: if it is forgotten, the chats cannot be recovered.</translation>
        </message>
        <message>
            <source>Delete all data</source>
            <translation>Delete all data</translation>
        </message>
        <message>
            <source>This deletes every imported chat, every finding and your notes from this computer. It cannot be undone. Continue?</source>
            <translation>This deletes every imported chat, every finding and your notes from this computer. It cannot be undone. Continue?</translation>
        </message>
        <message>
            <source>Are you sure? Guardian will close after deleting.</source>
            <translation>Are you sure? Guardian will close after deleting.</translation>
        </message>
    </context>
    <context>
        <name>StepsPage</name>
        <message>
            <source>How to save the chats from %1</source>
            <translation>How to save the chats from %1</translation>
        </message>
        <message>
            <source>Follow these steps on your child's device. Take your time: nothing is sent anywhere.</source>
            <translation>Follow these steps on your child's device. Take your time: nothing is sent anywhere.</translation>
        </message>
        <message>
            <source>Picture of the steps</source>
            <translation>Picture of the steps</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Show Guardian</source>
            <translation>Show Guardian</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Guardian</source>
            <translation>Guardian</translation>
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <source>Save the report</source>
            <translation>Save the report</translation>
        </message>
    </context>
</TS>
