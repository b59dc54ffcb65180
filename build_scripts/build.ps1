# Windows build of KIM Desktop (run in PowerShell from the project root on Windows 10/11 x64
# with Python 3.11 x64 and Inno Setup 6 installed). See docs/windows-build.md.
$ErrorActionPreference = "Stop"
if (-not (Test-Path .venv)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install -q --upgrade pip
.venv\Scripts\python -m pip install -q -e ".[dev]"
.venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller build_scripts\kim.spec
dist\kim-desktop\kim-desktop.exe --self-check
if ($LASTEXITCODE -ne 0) { throw "self-check failed" }
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" build_scripts\kim-desktop.iss
