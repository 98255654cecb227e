; Inno Setup script for Guardian (حارس) on Windows.  See packaging\windows\README.md.
;
;   python packaging\build.py                                   (makes dist\guardian\)
;   iscc /DAppVersion=0.1.0 packaging\windows\guardian.iss     (build.py runs this when it finds iscc)
;
; Installs for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\Guardian, with a Start-menu entry named in the
; language chosen at install time (English "Guardian", Arabic "حارس").
; The uninstaller asks whether to keep or delete the data in %LOCALAPPDATA%\guardian.
; This file is UTF-8 with a byte-order mark, which Inno Setup needs for the Arabic text.

#ifndef AppVersion
  #error Pass the version from guardian.__version__: iscc /DAppVersion=X.Y.Z packaging\windows\guardian.iss (python packaging\build.py does)
#endif

; Arabic.isl is one of Inno Setup's unofficial translations: it may have to be
; downloaded once into the compiler's Languages folder, or next to this file,
; or named with /DArabicIsl=PATH (see README.md).
#ifndef ArabicIsl
  #if FileExists(AddBackslash(CompilerPath) + "Languages\Arabic.isl")
    #define ArabicIsl AddBackslash(CompilerPath) + "Languages\Arabic.isl"
  #elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Arabic.isl")
    #define ArabicIsl AddBackslash(CompilerPath) + "Languages\Unofficial\Arabic.isl"
  #elif FileExists(AddBackslash(SourcePath) + "Arabic.isl")
    #define ArabicIsl AddBackslash(SourcePath) + "Arabic.isl"
  #else
    #error Arabic.isl not found: download it from Inno Setup's translations page into the compiler's Languages folder or packaging\windows\, or pass /DArabicIsl=PATH (README.md)
  #endif
#endif

#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; A fixed id: upgrades replace the same installation.  Never change it.
AppId={{6F1D2A4E-8C3B-4F7A-9E55-2B7C0D4A9E31}
AppName=Guardian
AppVersion={#AppVersion}
AppVerName=Guardian {#AppVersion}
AppPublisher=The Guardian team
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Guardian
; Per user, no administrator rights, nothing outside the user's profile.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\Guardian
DisableDirPage=auto
DefaultGroupName=Guardian
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=guardian-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\build\icons\guardian.ico
UninstallDisplayIcon={app}\Guardian.exe
UninstallDisplayName=Guardian
LicenseFile={#Root}\LICENSE
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Ask Guardian to close (Restart Manager) before replacing or removing files.
CloseApplications=yes
; Offer the languages below in the installer's own language dialog,
; preselecting the one Windows uses.
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ar"; MessagesFile: "{#ArabicIsl}"

[CustomMessages]
en.AppShortName=Guardian
ar.AppShortName=حارس
en.AppComment=Find bullying, threats and grooming in your child's chats, privately on this computer
ar.AppComment=اكتشف التنمر والتهديد والاستدراج في محادثات طفلك، بخصوصية تامة على هذا الحاسوب
en.AskDeleteData=Also delete your Guardian data: the imported chats, the findings, your notes and settings?%n%nChoose No to keep them for a later install. Deleting cannot be undone.
ar.AskDeleteData=هل تريد حذف بيانات حارس أيضًا: المحادثات المستوردة والنتائج وملاحظاتك وإعداداتك؟%n%nاختر «لا» للاحتفاظ بها لتثبيت لاحق. لا يمكن التراجع عن الحذف.
en.KeyringNote=If Windows Credential Manager holds an entry for "Guardian", you can delete it there (Control Panel > Credential Manager > Windows Credentials). Without the deleted data it unlocks nothing.
ar.KeyringNote=إن كان في «مدير بيانات الاعتماد» في ويندوز عنصر باسم "Guardian" فيمكنك حذفه من هناك (لوحة التحكم > مدير بيانات الاعتماد > بيانات اعتماد Windows). لا يفتح شيئًا بعد حذف البيانات.

[Files]
; The whole one-folder build: Guardian.exe (no console), guardian-cli.exe and _internal\.
Source: "{#Root}\dist\guardian\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program's files wholesale; the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{cm:AppShortName}"; Filename: "{app}\Guardian.exe"; Comment: "{cm:AppComment}"; AppUserModelID: "org.guardian.Guardian"
Name: "{userdesktop}\{cm:AppShortName}"; Filename: "{app}\Guardian.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\Guardian.exe"; Description: "{cm:LaunchProgram,{cm:AppShortName}}"; Flags: nowait postinstall skipifsilent

[Code]
// Where Guardian keeps data, logs and settings on Windows (platformdirs).
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\guardian');
end;

// The app's own wipe (`guardian delete-all --yes`) also removes its key from
// Credential Manager; older versions without it leave the key behind.
function AppWipedData(): Boolean;
var
  ResultCode: Integer;
begin
  Result := Exec(ExpandConstant('{app}\guardian-cli.exe'), 'delete-all --yes', '', SW_HIDE,
                 ewWaitUntilTerminated, ResultCode) and (ResultCode = 0);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Wiped: Boolean;
begin
  // usUninstall: the program files are still there, so the app can wipe.
  if (CurUninstallStep = usUninstall) and DirExists(DataDir()) then
  begin
    // A silent uninstall keeps the data (the default answer is No).
    if SuppressibleMsgBox(CustomMessage('AskDeleteData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
    begin
      Wiped := AppWipedData();
      DelTree(DataDir(), True, True, True);
      if not Wiped then
        SuppressibleMsgBox(CustomMessage('KeyringNote'), mbInformation, MB_OK, IDOK);
    end;
  end;
end;
