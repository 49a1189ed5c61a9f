; Inno Setup 6 script for Deskapp on Windows.
;
; build.py compiles it after PyInstaller has made dist\deskapp\:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\deskapp /DOutputDir=dist ^
;        /DIconFile=build\icons\deskapp.ico /DArch=x86_64 packaging\windows\deskapp.iss
; The version is never written here: it comes from deskapp.__version__ through build.py.
;
; Silent installation (for IT):
;   Deskapp-VERSION-windows-x86_64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;     /ALLUSERS       for every user, into Program Files (the default; needs admin rights)
;     /CURRENTUSER    for this user only, without admin rights
;     /DIR="D:\Apps\Deskapp"  another folder; /LOG="C:\Temp\deskapp-setup.log" a log
; Silent removal:
;   "C:\Program Files\Deskapp\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; Each user's library (%LOCALAPPDATA%\Deskapp\library.sqlite, its backups\ folder and
; presets\) is never installed or removed by this setup: uninstalling keeps it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\deskapp"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef Arch
  #define Arch "x86_64"
#endif

[Setup]
AppId={{5B8F0C2E-4D71-4B8A-9E3C-6A1D2F7E9B40}
AppName=Deskapp
AppVersion={#AppVersion}
AppVerName=Deskapp {#AppVersion}
AppPublisher=Deskapp
DefaultDirName={autopf}\Deskapp
DefaultGroupName=Deskapp
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#OutputDir}
OutputBaseFilename=Deskapp-{#AppVersion}-windows-{#Arch}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\deskappw.exe
#ifdef IconFile
SetupIconFile={#IconFile}
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Deskapp"; Filename: "{app}\deskappw.exe"; Comment: "Write, correct and print Vietnamese articles"
Name: "{autodesktop}\Deskapp"; Filename: "{app}\deskappw.exe"; Tasks: desktopicon

[Registry]
; .deskpkg (a Deskapp article package) opens in Deskapp: `deskappw.exe FILE` opens the
; window and imports it (or hands it to the Deskapp already running on that library).
Root: HKA; Subkey: "Software\Classes\.deskpkg"; ValueType: string; ValueName: ""; ValueData: "Deskapp.Package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.deskpkg"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-deskapp-package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Deskapp.Package"; ValueType: string; ValueName: ""; ValueData: "Deskapp article package"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Deskapp.Package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\deskappw.exe,0"
Root: HKA; Subkey: "Software\Classes\Deskapp.Package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\deskappw.exe"" ""%1"""

[Run]
Filename: "{app}\deskappw.exe"; Description: "{cm:LaunchProgram,Deskapp}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what it installed in {app};
; the users' libraries live in their own %LOCALAPPDATA%\Deskapp and stay.
