@echo off
rem bibmark launcher for Windows: finds Java 17+ (JAVA_HOME, then PATH) and runs the bundled jar.
setlocal enabledelayedexpansion
set "HERE=%~dp0"
set "JAR=%BIBMARK_JAR%"
if "%JAR%"=="" if exist "%HERE%..\lib\bibmark.jar" set "JAR=%HERE%..\lib\bibmark.jar"
if "%JAR%"=="" if exist "%HERE%..\..\target\bibmark.jar" set "JAR=%HERE%..\..\target\bibmark.jar"
if "%JAR%"=="" (
  echo bibmark: cannot find bibmark.jar ^(build it with mvnw package, or set BIBMARK_JAR^) 1>&2
  exit /b 2
)
set "JAVA=java"
if not "%JAVA_HOME%"=="" if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo bibmark: Java 17 or newer is needed, but none was found ^(set JAVA_HOME or put java on PATH^) 1>&2
  exit /b 2
)
set "VER="
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr /i "version"') do if "!VER!"=="" set "VER=%%~v"
for /f "tokens=1,2 delims=." %%a in ("%VER%") do (set "MAJ=%%a" & set "MIN=%%b")
if "%MAJ%"=="1" set "MAJ=%MIN%"
for /f "delims=-+" %%a in ("%MAJ%") do set "MAJ=%%a"
if %MAJ% LSS 17 (
  echo bibmark: Java 17 or newer is needed, but "%JAVA%" is version %VER% ^(set JAVA_HOME^) 1>&2
  exit /b 2
)
if "%BIBMARK_HEAP%"=="" set "BIBMARK_HEAP=512m"
rem The server: full JIT, serial collector. The command-line tools: quick compiler only, parallel collector
rem (they run for well under a second; see server/bin/bibmark and docs/performance.md).
set "MODE=-XX:+UseSerialGC -XX:SurvivorRatio=2 -XX:TargetSurvivorRatio=80"
if /i "%~1"=="check" set "MODE=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UsePerfData"
if /i "%~1"=="format" set "MODE=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UsePerfData"
if /i "%~1"=="export" set "MODE=-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UsePerfData"
rem Class-data sharing: use bibmark.jsa beside the jar when there is one (see server/bin/bibmark). The JVM
rem checks that it matches itself and the jar and otherwise runs without it; CDS logging is off so that
rem stays silent. BIBMARK_CDS=off disables it.
set "CDS="
set "ARCHIVE=%BIBMARK_CDS_ARCHIVE%"
if "%ARCHIVE%"=="" set "ARCHIVE=%JAR:~0,-4%.jsa"
if /i not "%BIBMARK_CDS%"=="off" if exist "%ARCHIVE%" set CDS="-XX:SharedArchiveFile=%ARCHIVE%" -Xshare:auto
"%JAVA%" -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr -XX:+DisplayVMOutputToStderr -Xss4m %MODE% -Xmx%BIBMARK_HEAP% %CDS% %BIBMARK_JAVA_OPTS% -cp "%JAR%" dev.bibmark.cli.Main %*
exit /b %ERRORLEVEL%
