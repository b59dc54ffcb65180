; Inno Setup script for the Windows installer of KIM Desktop (Windows 10 1809+ / 11, 64-bit).
; Build the onedir bundle on Windows first (build_scripts\build.ps1), then:
;   iscc build_scripts\kim-desktop.iss
; District roll-out: preset the hub address for every village PC with
;   kim-desktop-setup.exe /HUBURL=https://kim.example.go.id  (add /SILENT for no questions)
; The address is written to preset.json next to the program; the app uses it until the
; operator sets another one in Pengaturan.

#define AppName "KIM Desktop"
#define AppVersion GetEnv("KIM_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1A7F2E-3B4D-4E8A-9C51-2D7F0B8E4A31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Diskominfo-SP Kabupaten Luwu Timur
DefaultDirName={autopf}\KIM Desktop
DefaultGroupName=KIM Desktop
OutputDir=..\dist
OutputBaseFilename=kim-desktop-setup-{#AppVersion}
SetupIconFile=..\resources\icons\kim.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\kim-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\KIM Desktop"; Filename: "{app}\kim-desktop.exe"
Name: "{autodesktop}\KIM Desktop"; Filename: "{app}\kim-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\kim-desktop.exe"; Description: "{cm:LaunchProgram,KIM Desktop}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurStepChanged(CurStep: TSetupStep);
var
  HubUrl: string;
begin
  if CurStep = ssPostInstall then
  begin
    HubUrl := ExpandConstant('{param:HUBURL|}');
    if HubUrl <> '' then
      SaveStringToFile(ExpandConstant('{app}\preset.json'),
        '{"hub_url": "' + HubUrl + '"}', False);
  end;
end;
