; 履约 Lvyue — Windows installer (NSIS 3, Unicode, Modern UI 2 in Simplified Chinese).
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DDIST=<abs path of the onedir bundle> -DOUTDIR=<abs dir>
;            installer/lvyue-setup.nsi                      ->  <OUTDIR>\Lvyue-Setup-0.1.0.exe
;   -DEXE_SUFFIX=     compile against the Linux bundle (Lvyue, lvyue-cli without ".exe"): CI proves the
;                     script valid with Debian's makensis; such an installer is of no use on Windows.
;   -DNO_COMPRESS     store the files uncompressed: a check that the script compiles against the real
;                     bundle takes seconds instead of minutes (LZMA over ~400 MB); never for a release.
;   -DPUBLISHER=...   the publisher shown in 应用和功能 (default below).
;
; The bundle's top level is what PyInstaller 6 makes of installer/lvyue.spec: Lvyue.exe (window),
; lvyue-cli.exe (console: scripts, Task Scheduler) and _internal\. The uninstaller removes exactly
; these (and what this script adds), so a folder chosen with /D= never loses anything else.
;
; Per user by default: %LOCALAPPDATA%\Programs\Lvyue, HKCU, no administrator rights (no UAC prompt).
; /ALLUSERS (or the choice on the 安装方式 page, which asks for administrator rights): Program Files,
; HKLM, shortcuts for every user. The user's data is never in the program folder: profiles, backups and
; issued documents live in %LOCALAPPDATA%\Lvyue (platformdirs.user_data_dir("Lvyue"), see
; app/services/profile.py); neither an upgrade nor the uninstaller touches it.
;
; Command line (docs/install-guide.md): /S silent; /D=<folder> (last, unquoted); /ALLUSERS;
; /SYNCTIME=HH:MM (creates the 每日下班自动同步 task at that time); /NOSYNC; /NODESKTOP.
; Exit codes: 0 done; 1 cancelled; 2 stopped (program running, bad folder or switch, the task could not
; be created in silent mode); 740 /ALLUSERS without administrator rights in silent mode.

Unicode true
ManifestDPIAware true
!ifdef NO_COMPRESS  ; CI's validity check against the Linux bundle: seconds instead of minutes
  SetCompress off
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 32
!endif

!ifndef VERSION
  !error "缺少 -DVERSION=<版本号>"
!endif
!ifndef DIST
  !error "缺少 -DDIST=<PyInstaller 打包目录的绝对路径>"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif
!ifndef EXE_SUFFIX
  !define EXE_SUFFIX ".exe"
!endif
!ifndef PUBLISHER
  !define PUBLISHER "履约 Lvyue"
!endif

!define APP_EXE "Lvyue${EXE_SUFFIX}"
!define CLI_EXE "lvyue-cli${EXE_SUFFIX}"
!define OLD_SYNC_CMD "lvyue-sync.cmd"  ; the task's batch file of versions before schedule install: removed
!define FULLNAME "履约 政府违约失信投诉办理系统"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Lvyue"
!define SETUP_KEY "Software\Lvyue\Setup"
!define TASK_BASE "履约每日同步"
!define MENU_DIR "履约"

!if ! /FileExists "${DIST}/${APP_EXE}"
  !error "打包目录中没有 ${APP_EXE}：${DIST}"
!endif
!if ! /FileExists "${DIST}/${CLI_EXE}"
  !error "打包目录中没有 ${CLI_EXE}：${DIST}"
!endif

Name "${FULLNAME}"
BrandingText "履约 ${VERSION}"
OutFile "${OUTDIR}/Lvyue-Setup-${VERSION}.exe"
RequestExecutionLevel user
ShowInstDetails show
ShowUninstDetails show
; no InstallDir: $INSTDIR is empty in .onInit unless /D= was given, so /D= always wins

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "nsDialogs.nsh"
!include "Sections.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!if /FileExists "${__FILEDIR__}/lvyue.ico"
  !define MUI_ICON "${__FILEDIR__}/lvyue.ico"
!endif

Var AllUsers        ; 1: for every user (Program Files, HKLM)
Var DirGiven        ; 1: /D= on the command line
Var UserDir         ; %LOCALAPPDATA%\Programs\Lvyue of the user running the installer
Var DataDir         ; %LOCALAPPDATA%\Lvyue: the user's data, never installed into
Var SyncTime        ; HH:MM of the daily sync task
Var TaskName        ; 履约每日同步-<Windows user name>
Var ModeDialog
Var ModeUser
Var ModeAll

; ---------------------------------------------------------------------------------------------------
; Pages

!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "欢迎安装 履约 ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "履约 政府违约失信投诉办理系统将安装到这台电脑。$\r$\n$\r$\n默认只为当前 Windows 用户安装，不需要管理员权限。$\r$\n$\r$\n升级时只替换程序文件；配置档案、备份和已开具的文书保存在 $DataDir，安装、升级和卸载都不会改动。$\r$\n$\r$\n请先关闭正在运行的履约，然后点击“下一步”。"
!insertmacro MUI_PAGE_WELCOME
Page custom ModePageShow ModePageLeave
!insertmacro MUI_PAGE_COMPONENTS
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE DirectoryLeave
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在启动履约"
!define MUI_PAGE_CUSTOMFUNCTION_SHOW FinishShow
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从下面的文件夹删除履约的程序文件、快捷方式和“每日下班自动同步”计划任务。$\r$\n您的数据不会删除：配置档案、数据库备份、已开具的文书都保存在 $DataDir，重新安装后可以继续使用。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

; ---------------------------------------------------------------------------------------------------
; Helpers shared by installer and uninstaller

!macro IS_ADMIN un
Function ${un}IsAdmin  ; pushes 1 when this process has administrator rights (elevated), else 0
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 == "Admin"
    Push 1
  ${Else}
    Push 0
  ${EndIf}
FunctionEnd
!macroend
!insertmacro IS_ADMIN ""
!insertmacro IS_ADMIN "un."

!macro NOT_RUNNING un
; A running program's .exe cannot be opened for writing: that tells us Lvyue (or a sync started by
; Task Scheduler) runs from $INSTDIR. Asks to close it; pushes 1 to go on, 0 when the user gives up
; (and in silent mode).
Function ${un}NotRunning
  retry:
  StrCpy $1 ""
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${APP_EXE}" a
    ${If} ${Errors}
      StrCpy $1 "履约正在运行"
    ${Else}
      FileClose $0
    ${EndIf}
  ${EndIf}
  ${If} $1 == ""
  ${AndIf} ${FileExists} "$INSTDIR\${CLI_EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${CLI_EXE}" a
    ${If} ${Errors}
      StrCpy $1 "履约命令行正在运行（可能是正在进行的自动同步）"
    ${Else}
      FileClose $0
    ${EndIf}
  ${EndIf}
  ${If} $1 != ""
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$1。$\r$\n请先关闭它（未保存的内容请先保存），然后点击“重试”。" /SD IDCANCEL IDRETRY retry
    Push 0
    Return
  ${EndIf}
  Push 1
FunctionEnd
!macroend
!insertmacro NOT_RUNNING ""
!insertmacro NOT_RUNNING "un."

!macro REMOVE_SYNC_TASK un
; The task named $1 (SyncTask): lvyue-cli.exe schedule remove; schtasks by name when that fails (a task
; an older version made, or a program that no longer runs)
Function ${un}RemoveSyncTask
  nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" schedule remove'
  Pop $0
  ${If} $0 != 0
    nsExec::ExecToLog '"$SYSDIR\schtasks.exe" /Delete /F /TN "$1"'
    Pop $0
  ${EndIf}
FunctionEnd
!macroend
!insertmacro REMOVE_SYNC_TASK ""
!insertmacro REMOVE_SYNC_TASK "un."

Function TaskName  ; task names are per computer: one task per Windows user
  ReadEnvStr $0 USERNAME
  StrCpy $TaskName "${TASK_BASE}-$0"
FunctionEnd

; ---------------------------------------------------------------------------------------------------
; Sections

Section "!履约程序" SecMain
  SectionIn RO
  Call InDataDir  ; again here: /D= in silent mode skips the directory page
  Pop $0
  ${If} $0 == 1
    SetErrorLevel 2
    Abort "$DataDir 是履约保存数据的文件夹，不能把程序安装到这里。"
  ${EndIf}
  Call NotRunning
  Pop $0
  ${If} $0 != 1
    SetErrorLevel 2
    Abort "履约正在运行，未安装。"
  ${EndIf}
  SetOutPath "$INSTDIR"
  ; an older version's program files go completely; the data lives elsewhere and is not touched
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}/*"
  Delete "$INSTDIR\${OLD_SYNC_CMD}"  ; an older version's: the task now runs lvyue-cli.exe itself
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${MENU_DIR}"
  CreateShortcut "$SMPROGRAMS\${MENU_DIR}\履约.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${MENU_DIR}\履约（演示数据）.lnk" "$INSTDIR\${APP_EXE}" "--demo" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${MENU_DIR}\卸载履约.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr SHCTX "${SETUP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${SETUP_KEY}" "Version" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${FULLNAME}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortcut "$DESKTOP\履约.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Section "-DesktopChoice"  ; hidden: remembered for the next upgrade; deselected, the old shortcut goes
  ${If} ${SectionIsSelected} ${SecDesktop}
    WriteRegStr SHCTX "${SETUP_KEY}" "Desktop" "1"
  ${Else}
    Delete "$DESKTOP\履约.lnk"
    WriteRegStr SHCTX "${SETUP_KEY}" "Desktop" "0"
  ${EndIf}
SectionEnd

Section /o "每日下班自动同步" SecSync
  ; the task of the Windows user running the installer, for the default profile, written by the program
  ; itself (app/platform/task_scheduler.py): only while the user is logged on (Credential Manager needs the
  ; logon session), started late if the PC was off, in the program folder, logging to the profile's log
  Call TaskName
  nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" schedule install --time $SyncTime'
  Pop $0
  ${If} $0 == 0
    WriteRegStr SHCTX "${SETUP_KEY}" "SyncTask" "$TaskName"
    WriteRegStr SHCTX "${SETUP_KEY}" "SyncTime" "$SyncTime"
    DetailPrint "已创建计划任务“$TaskName”：每天 $SyncTime 与州级中心同步"
  ${Else}
    DetailPrint "未能创建计划任务“$TaskName”（lvyue-cli schedule install 返回 $0）"
    MessageBox MB_OK|MB_ICONEXCLAMATION "未能创建“每日下班自动同步”计划任务（lvyue-cli schedule install 返回 $0）。$\r$\n程序已安装；可以在桌面程序中点击“同步”，或按安装指南手工创建计划任务。" /SD IDOK
    ${If} ${Silent}
      SetErrorLevel 2
    ${EndIf}
  ${EndIf}
SectionEnd

Section "-SyncOff"  ; hidden: an upgrade without the sync component removes the task made before
  ${IfNot} ${SectionIsSelected} ${SecSync}
    ReadRegStr $1 SHCTX "${SETUP_KEY}" "SyncTask"
    ${If} $1 != ""
      Call RemoveSyncTask
      DeleteRegValue SHCTX "${SETUP_KEY}" "SyncTask"
      DeleteRegValue SHCTX "${SETUP_KEY}" "SyncTime"
    ${EndIf}
  ${EndIf}
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "桌面程序和命令行（lvyue-cli.exe），开始菜单快捷方式。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在桌面上放一个“履约”快捷方式。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecSync} "在 Windows 任务计划中为当前用户创建每天下班时（默认 17:30）与州级中心同步的任务。只对已加入州级中心同步的电脑有用。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; ---------------------------------------------------------------------------------------------------
; Installer logic

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "履约需要 64 位的 Windows 10 或 Windows 11。" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64
  SetShellVarContext current
  StrCpy $UserDir "$LOCALAPPDATA\Programs\Lvyue"
  StrCpy $DataDir "$LOCALAPPDATA\Lvyue"
  StrCpy $DirGiven 0
  ${If} $INSTDIR != ""
    StrCpy $DirGiven 1
  ${EndIf}

  ${GetParameters} $R0
  StrCpy $AllUsers 0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $0
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${EndIf}

  ; the sync task and the desktop shortcut: as chosen before (upgrade), then /SYNCTIME=HH:MM, /NOSYNC,
  ; /NODESKTOP
  StrCpy $SyncTime "17:30"
  ${If} $AllUsers == 1
    ReadRegStr $0 HKLM "${SETUP_KEY}" "SyncTime"
  ${Else}
    ReadRegStr $0 HKCU "${SETUP_KEY}" "SyncTime"
  ${EndIf}
  ${If} $0 != ""
    StrCpy $SyncTime $0
    !insertmacro SelectSection ${SecSync}
  ${EndIf}
  ${If} $AllUsers == 1
    ReadRegStr $0 HKLM "${SETUP_KEY}" "Desktop"
  ${Else}
    ReadRegStr $0 HKCU "${SETUP_KEY}" "Desktop"
  ${EndIf}
  ${If} $0 == "0"
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/SYNCTIME=" $0
  ${IfNot} ${Errors}
    Push $0
    Call CheckTime
    Pop $1
    ${If} $1 != 1
      MessageBox MB_OK|MB_ICONSTOP "同步时间“$0”无效，请写成 时:分，如 /SYNCTIME=17:30。" /SD IDOK
      SetErrorLevel 2
      Quit
    ${EndIf}
    StrCpy $SyncTime $0
    !insertmacro SelectSection ${SecSync}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NOSYNC" $0
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecSync}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NODESKTOP" $0
  ${IfNot} ${Errors}
    !insertmacro UnselectSection ${SecDesktop}
  ${EndIf}

  ${If} $AllUsers == 1
    Call IsAdmin
    Pop $0
    ${If} $0 != 1
      ${If} ${Silent}
        SetErrorLevel 740  ; ERROR_ELEVATION_REQUIRED: run the silent all-users install elevated
        Quit
      ${EndIf}
      ClearErrors
      ExecShell "runas" "$EXEPATH" "$R0"
      ${If} ${Errors}
        MessageBox MB_OK|MB_ICONSTOP "为所有用户安装需要管理员权限，没有取得。可以不带 /ALLUSERS 只为自己安装。"
        SetErrorLevel 740
      ${EndIf}
      Quit
    ${EndIf}
  ${EndIf}
  Call ApplyMode
FunctionEnd

Function ApplyMode  ; shell folders, registry hive and (unless /D= said otherwise) the folder
  ${If} $AllUsers == 1
    SetShellVarContext all
    ; the all-users task would belong to the administrator installing, not to the officers
    !insertmacro UnselectSection ${SecSync}
    SectionSetText ${SecSync} ""
  ${Else}
    SetShellVarContext current
    SectionSetText ${SecSync} "每日下班自动同步"
  ${EndIf}
  ${If} $DirGiven == 1
    Return
  ${EndIf}
  ReadRegStr $0 SHCTX "${SETUP_KEY}" "InstallDir"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${ElseIf} $AllUsers == 1
    StrCpy $INSTDIR "$PROGRAMFILES64\Lvyue"
  ${Else}
    StrCpy $INSTDIR $UserDir
  ${EndIf}
FunctionEnd

Function CheckTime  ; HH:MM with 00 <= HH <= 23 and 00 <= MM <= 59: pushes 1, else 0
  Exch $0
  Push $1
  Push $2
  StrCpy $2 0
  StrLen $1 $0
  StrCpy $R9 $0 1 2
  ${If} $1 == 5
  ${AndIf} $R9 == ":"
    StrCpy $1 $0 2 0
    StrCpy $0 $0 2 3
    Push $1
    Call TwoDigits
    Pop $1
    Push $0
    Call TwoDigits
    Pop $0
    ${If} $1 >= 0
    ${AndIf} $1 <= 23
    ${AndIf} $0 >= 0
    ${AndIf} $0 <= 59
      StrCpy $2 1
    ${EndIf}
  ${EndIf}
  StrCpy $0 $2
  Pop $2
  Pop $1
  Exch $0
FunctionEnd

Function TwoDigits  ; "07" -> 7; anything but two digits -> -1
  Exch $0
  Push $1
  Push $2
  StrCpy $1 $0 1 0
  StrCpy $2 $0 1 1
  ${If} $1 S>= "0"
  ${AndIf} $1 S<= "9"
  ${AndIf} $2 S>= "0"
  ${AndIf} $2 S<= "9"
    IntOp $0 $1 * 10
    IntOp $0 $0 + $2
  ${Else}
    StrCpy $0 -1
  ${EndIf}
  Pop $2
  Pop $1
  Exch $0
FunctionEnd

Function ModePageShow
  ${If} $AllUsers == 1  ; /ALLUSERS (or started again with administrator rights from this page)
    Abort
  ${EndIf}
  !insertmacro MUI_HEADER_TEXT "安装方式" "为谁安装履约？"
  nsDialogs::Create 1018
  Pop $ModeDialog
  ${NSD_CreateRadioButton} 0 10u 100% 12u "仅为我安装（推荐，不需要管理员权限）"
  Pop $ModeUser
  ${NSD_CreateLabel} 12u 24u 95% 20u "安装到 $UserDir，只有当前 Windows 用户能使用。"
  Pop $0
  ${NSD_CreateRadioButton} 0 54u 100% 12u "为这台电脑的所有用户安装（信息技术人员；需要管理员权限）"
  Pop $ModeAll
  ${NSD_CreateLabel} 12u 68u 95% 30u "安装到 Program Files，每个用户的开始菜单和桌面都有快捷方式。每个用户的数据仍各自保存在自己的 %LOCALAPPDATA%\Lvyue。"
  Pop $0
  ${NSD_Check} $ModeUser
  nsDialogs::Show
FunctionEnd

Function ModePageLeave
  ${NSD_GetState} $ModeAll $0
  ${If} $0 != ${BST_CHECKED}
    StrCpy $AllUsers 0
    Call ApplyMode
    Return
  ${EndIf}
  Call IsAdmin
  Pop $0
  ${If} $0 == 1
    StrCpy $AllUsers 1
    Call ApplyMode
    Return
  ${EndIf}
  ; ask Windows for administrator rights: the installer starts again elevated, this one ends
  ${GetParameters} $R0
  ClearErrors
  ExecShell "runas" "$EXEPATH" "/ALLUSERS $R0"
  ${If} ${Errors}
    MessageBox MB_OK|MB_ICONEXCLAMATION "没有取得管理员权限。可以选择“仅为我安装”，或请信息技术人员安装。"
    Abort
  ${EndIf}
  Quit
FunctionEnd

Function InDataDir  ; pushes 1 when $INSTDIR is the user's data folder or below it
  StrLen $0 $DataDir
  StrCpy $1 $INSTDIR $0
  StrCpy $2 $INSTDIR 1 $0
  ${If} $1 == $DataDir
    ${If} $2 == ""
    ${OrIf} $2 == "\"
      Push 1
      Return
    ${EndIf}
  ${EndIf}
  Push 0
FunctionEnd

Function DirectoryLeave
  Call InDataDir
  Pop $0
  ${If} $0 == 1
    MessageBox MB_OK|MB_ICONEXCLAMATION "$DataDir 是履约保存数据的文件夹，不能把程序安装到这里。请另选文件夹。"
    Abort
  ${EndIf}
  Call NotRunning
  Pop $0
  ${If} $0 != 1
    Abort
  ${EndIf}
FunctionEnd

Function FinishShow  ; started from an elevated installer, Lvyue would run as the administrator
  ${If} $AllUsers == 1
    SendMessage $mui.FinishPage.Run ${BM_SETCHECK} ${BST_UNCHECKED} 0
    ShowWindow $mui.FinishPage.Run ${SW_HIDE}
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------------------
; Uninstaller: program files, shortcuts, registry entries and the sync task; never the user's data

Function un.onInit
  SetRegView 64
  SetShellVarContext current
  StrCpy $DataDir "$LOCALAPPDATA\Lvyue"  ; this user's data, named on the confirm page
  ; all users when the machine-wide entry points at this folder
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $0 != ""
  ${AndIf} $0 == $INSTDIR
    Call un.IsAdmin
    Pop $1
    ${If} $1 != 1
      ${If} ${Silent}
        SetErrorLevel 740
        Quit
      ${EndIf}
      ExecShell "runas" "$INSTDIR\uninstall.exe"
      Quit
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Call un.NotRunning
  Pop $0
  ${If} $0 != 1
    SetErrorLevel 2
    Abort "履约正在运行，未卸载。"
  ${EndIf}
  ReadRegStr $1 SHCTX "${SETUP_KEY}" "SyncTask"
  ${If} $1 != ""
    Call un.RemoveSyncTask
  ${EndIf}

  Delete "$DESKTOP\履约.lnk"
  Delete "$SMPROGRAMS\${MENU_DIR}\履约.lnk"
  Delete "$SMPROGRAMS\${MENU_DIR}\履约（演示数据）.lnk"
  Delete "$SMPROGRAMS\${MENU_DIR}\卸载履约.lnk"
  RMDir "$SMPROGRAMS\${MENU_DIR}"

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${OLD_SYNC_CMD}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty: files someone put there stay

  DeleteRegKey SHCTX "${UNINST_KEY}"
  DeleteRegKey SHCTX "${SETUP_KEY}"
  DeleteRegKey /ifempty SHCTX "Software\Lvyue"
SectionEnd
