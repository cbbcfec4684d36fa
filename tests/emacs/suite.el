;;; suite.el --- the Emacs (eglot) end-to-end suite for bibmark  -*- lexical-binding: t -*-

;; A real third-party editor (Emacs 28 with eglot 1.9 from Debian's elpa-eglot, Flymake, xref, ElDoc and
;; completion-at-point) drives `server/bin/bibmark lsp' over stdio, headless (`emacs --batch'). Run it through
;; tests/emacs/run.sh, which copies the fixtures to a temp dir and sets the environment below.
;;
;; The editor is set up the way server/README.md tells users to: the suite reads the elisp block of its
;; "Emacs (eglot)" section, puts this checkout in place of /path/to/bibmark and evaluates it (eglot-server-programs,
;; eglot-workspace-configuration, eglot-ensure on markdown-mode and bibtex-mode), so a change to that block is
;; tested here.  markdown-mode comes from Debian's elpa-markdown-mode (tests/emacs/install.sh).  The user is
;; played with keyboard macros (C-x C-f, typing, M-x commands, answering prompts), which run Emacs's command
;; loop with its hooks, as keys typed at the keyboard would.  What batch Emacs does differently is said where
;; it matters: it runs package-activate-all itself (an interactive Emacs does that at startup), starts Flymake
;; explicitly once a buffer is managed (Flymake defers its first run to the next command), and never becomes
;; idle, so `suite-idle' runs the idle timer eglot arms after an edit (that timer sends textDocument/didChange).
;; The temp copy has no version control, so `suite-project' names the project roots eglot uses (the workspace
;; copy, the corpus folder), as a git repository around them would.
;;
;; How to run: tests/emacs/install.sh once (Debian's emacs-nox, elpa-eglot, elpa-markdown-mode), build the jar
;; (./mvnw -B -q -ntp -DskipTests package), then tests/emacs/run.sh.  Each line it prints is PASS, FAIL or SKIP,
;; a scenario's name, its time and what it saw; it exits 0 only when nothing failed.
;;
;; Environment (set by run.sh):
;;   BIBMARK_EMACS_REPO     the checkout (server/README.md, server/bin/bibmark)
;;   BIBMARK_EMACS_WS       temp copy of the workspace fixtures (the first server's project)
;;   BIBMARK_EMACS_TMP      temp dir for the oracles' files and the eglot events logs (events-*.log)
;;   BIBMARK_EMACS_CORPUS_ROOT, BIBMARK_EMACS_CORPUS_FILE
;;                          a corpus folder and the list opened in it (root empty when ../shared/corpus is
;;                          absent: the scenario is skipped)
;;   BIBMARK_EMACS_ONLY     optional comma-separated scenario names to run (the start and shutdown always run)
;;
;; Adding a scenario: write `(defun suite-scenario-NAME () ...)' that fails through `suite-check' or
;; `suite-fail' (or skips through `suite-skip') and returns a one-line summary, and add it to
;; `suite-scenarios' with the server capability it needs, if any.  Scenarios that edit get their own fixture
;; file, so they stay independent of each other's order; a scenario that needs a file open visits it itself
;; (`suite-visit' returns the buffer when it is already open).

(require 'cl-lib)
(require 'subr-x)
(require 'json)

(defconst suite-timeout 30 "Seconds per wait: a cold JVM on a loaded 2-core machine is slow, a hang is not.")
(defconst suite-short 10)

;;; Output and assertions

(defun suite-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(define-error 'suite-skip "Skipped")

(defun suite-fail (fmt &rest args)
  (signal 'error (list (apply #'format fmt args))))

(defmacro suite-check (cond fmt &rest args)
  "Fail with FMT and ARGS unless COND; return COND's value."
  `(or ,cond (suite-fail ,fmt ,@args)))

(defun suite-skip (reason)
  (signal 'suite-skip (list reason)))

(defun suite-wait (what pred &optional timeout)
  "Let Emacs read its processes until PRED holds; fail after TIMEOUT seconds (`suite-timeout')."
  (let ((end (+ (float-time) (or timeout suite-timeout))))
    (while (and (not (funcall pred)) (< (float-time) end))
      (accept-process-output nil 0.02))
    (or (funcall pred)
        (suite-fail "timed out after %s s waiting for %s" (or timeout suite-timeout)
                    (if (functionp what) (funcall what) what)))))

(defun suite-env (name)
  (let ((v (getenv name)))
    (and v (not (string-empty-p v)) v)))

;;; Files and positions

(defun suite-read (path)
  (with-temp-buffer
    (insert-file-contents path)
    (buffer-string)))

(defun suite-utf16-length (s)
  "Length of S in UTF-16 code units (what LSP columns count)."
  (cl-loop for c across s sum (if (> c #xFFFF) 2 1)))

(defun suite-lsp-position (pos)
  "The LSP (LINE . CHARACTER) of buffer position POS, computed here, not by eglot."
  (save-excursion
    (goto-char pos)
    (cons (1- (line-number-at-pos pos t))
          (suite-utf16-length (buffer-substring-no-properties (line-beginning-position) pos)))))

(defun suite-lsp-point (line character)
  "The buffer position of LSP LINE and CHARACTER (UTF-16), computed here."
  (save-excursion
    (goto-char (point-min))
    (forward-line line)
    (let ((units 0))
      (while (and (< units character) (not (eolp)))
        (setq units (+ units (if (> (char-after) #xFFFF) 2 1)))
        (forward-char 1))
      (point))))

(defun suite-goto (needle &optional offset)
  "Move point to the first NEEDLE in the buffer, plus OFFSET characters."
  (goto-char (point-min))
  (suite-check (search-forward needle nil t) "%s has no %S" (buffer-name) needle)
  (goto-char (+ (match-beginning 0) (or offset 0))))

(defun suite-line-of (needle)
  "0-based line of the first line containing NEEDLE."
  (save-excursion
    (suite-goto needle)
    (1- (line-number-at-pos (point) t))))

(defun suite-keys-in-folder (dir)
  "Every citation key defined in the .md and .bib files under DIR (an oracle independent of the server)."
  (let (keys)
    (dolist (file (directory-files-recursively dir "\\`[^.].*\\.\\(md\\|bib\\)\\'"))
      (with-temp-buffer
        (insert-file-contents file)
        (goto-char (point-min))
        (while (re-search-forward "^[ \t]*@\\([A-Za-z]+\\)[ \t]*[{(][ \t]*\\([^,[:space:]{}()]+\\)[ \t]*," nil t)
          (unless (member (downcase (match-string 1)) '("string" "comment" "preamble"))
            (cl-pushnew (match-string 2) keys :test #'equal)))))
    (sort keys #'string<)))

;;; Playing the user

(defun suite-keys (&rest parts)
  "Type PARTS (key vectors from `kbd', or strings typed literally) as one keyboard macro: each key runs a
command through the command loop, with pre- and post-command hooks, as at the keyboard."
  (execute-kbd-macro (apply #'vconcat (mapcar (lambda (p) (if (stringp p) (string-to-vector p) p)) parts))))

(defun suite-idle ()
  "Stand in for the user's pause after typing.  Batch Emacs never becomes idle, so idle timers never fire;
this runs the one eglot arms after an edit (`eglot-send-changes-idle-time'), in every buffer where it is
pending: it sends the buffer's recent changes as textDocument/didChange."
  (dolist (buf (buffer-list))
    (with-current-buffer buf
      (when (and (boundp 'eglot--change-idle-timer) (timerp eglot--change-idle-timer))
        (let ((timer eglot--change-idle-timer))
          (cancel-timer timer)
          (apply (timer--function timer) (timer--args timer)))))))

;;; Project roots

(defvar suite-roots nil "Folders that are eglot projects (truenames, with a final slash).")

(defun suite-project (dir)
  "A `project-find-functions' member: the folder of `suite-roots' that holds DIR, as a transient project."
  (let ((dir (file-truename dir)))
    (cl-loop for root in suite-roots
             when (file-in-directory-p dir root) return (cons 'transient root))))

(add-hook 'project-find-functions #'suite-project)

;;; What went over the wire (recorded by advice on eglot and jsonrpc, once eglot is loaded)

(defvar suite-published (make-hash-table :test 'equal)
  "File truename -> plist (:seq N :version V :diagnostics VECTOR), the last publishDiagnostics for it.")
(defvar suite-seq 0 "Counts publishDiagnostics and didChange notifications, to order them.")
(defvar suite-sent nil "Messages the client sent, newest first: plists (:seq :method :params).")
(defvar suite-server-requests nil "Methods of the requests the server sent, newest first.")
(defvar suite-editor-errors nil "Errors shown to the user (server Error messages, eglot warnings), newest first.")

(defun suite--record-notification (_server method &rest params)
  (pcase method
    ('textDocument/publishDiagnostics
     (puthash (file-truename (eglot--uri-to-path (plist-get params :uri)))
              (list :seq (cl-incf suite-seq) :version (plist-get params :version)
                    :diagnostics (plist-get params :diagnostics))
              suite-published))
    ((or 'window/showMessage 'window/logMessage)
     (when (eql (plist-get params :type) 1)
       (push (format "%s: %s" method (plist-get params :message)) suite-editor-errors)))))

(defun suite--record-request (_server method &rest _params)
  (push method suite-server-requests))

(defun suite--record-send (_conn &rest args)
  (when-let ((method (plist-get args :method)))
    (push (list :seq (cl-incf suite-seq)
                :method (if (symbolp method) (string-remove-prefix ":" (symbol-name method)) method)
                :params (plist-get args :params))
          suite-sent)))

(defun suite--record-warning (type message &optional level &rest _)
  "Warnings eglot or jsonrpc show, and Flymake's own (Flymake logs its progress as :debug warnings)."
  (when (and (memq (or level :warning) '(:warning :error :emergency))
             (memq (if (consp type) (car type) type) '(eglot jsonrpc flymake)))
    (push (format "warning %s: %s" type message) suite-editor-errors)))

(defun suite--instrument ()
  (advice-add 'eglot-handle-notification :before #'suite--record-notification)
  (advice-add 'eglot-handle-request :before #'suite--record-request)
  (advice-add 'jsonrpc-connection-send :before #'suite--record-send)
  (advice-add 'display-warning :before #'suite--record-warning))

(with-eval-after-load 'eglot (suite--instrument))

(defun suite-sent-since (seq method)
  "The messages of METHOD the client sent after SEQ, oldest first."
  (reverse (cl-remove-if-not (lambda (m) (and (> (plist-get m :seq) seq) (equal (plist-get m :method) method)))
                             suite-sent)))

;;; Buffers, servers and diagnostics

(defvar suite-ws nil)
(defvar suite-main nil "The eglot server of the workspace copy.")

(defun suite-visit (path)
  "Open PATH with C-x C-f, as a user would: the major mode's hook runs the documented `eglot-ensure'.
Waits until eglot manages the buffer, starts Flymake (see the header) and returns the buffer."
  (let ((path (file-truename path)))
    (suite-check (file-exists-p path) "%s does not exist" path)
    (suite-keys (kbd "C-x C-f") path (kbd "RET"))
    (suite-check (equal (and buffer-file-name (file-truename buffer-file-name)) path)
                 "C-x C-f %s visited %S" path buffer-file-name)
    ;; eglot-ensure reports a server that dies at the start only as an error in post-command-hook: stop
    ;; waiting when no eglot process is left.
    (suite-wait (format "eglot to manage %s" (file-name-nondirectory path))
                (lambda () (or (eglot-managed-p)
                               (not (cl-find-if (lambda (p) (and (process-live-p p) (string-prefix-p "EGLOT" (process-name p))))
                                                (process-list))))))
    (unless (eglot-managed-p)
      (suite-fail "no eglot server manages %s: it exited (see Emacs's stderr)" (file-name-nondirectory path)))
    (flymake-start)
    (current-buffer)))

(defun suite-diags (&optional code)
  "Eglot's Flymake diagnostics in the current buffer (with CODE only, when given), in buffer order."
  (sort (cl-remove-if-not
         (lambda (d)
           (and (eq (flymake-diagnostic-backend d) 'eglot-flymake-backend)
                (or (null code) (equal (suite-diag-code d) code))))
         (flymake-diagnostics))
        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))

(defun suite-diag-lsp (d)
  "The LSP Diagnostic eglot made Flymake diagnostic D from."
  (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d))))

(defun suite-diag-code (d)
  (plist-get (suite-diag-lsp d) :code))

(defun suite-codes ()
  (mapcar #'suite-diag-code (suite-diags)))

(defun suite-describe (diags)
  "\"LINE:COL code\" (1-based, as Flymake shows them) per diagnostic."
  (format "[%s]"
          (mapconcat (lambda (d)
                       (save-excursion
                         (goto-char (flymake-diagnostic-beg d))
                         (format "%d:%d %s" (line-number-at-pos) (1+ (- (point) (line-beginning-position)))
                                 (suite-diag-code d))))
                     diags "; ")))

(defun suite-published-for (path)
  (gethash (file-truename path) suite-published))

(defun suite-wait-diags (what pred)
  "Wait until PRED (called in the current buffer) holds for its Flymake diagnostics, and the server has
answered the buffer's current text when it versioned its last publish."
  (let ((buf (current-buffer)))
    (suite-wait (lambda () (with-current-buffer buf
                             (format "%s (Flymake shows %s in %s)" what (suite-describe (suite-diags)) (buffer-name))))
                (lambda ()
                  (with-current-buffer buf
                    (let* ((p (suite-published-for buffer-file-name))
                           (v (plist-get p :version)))
                      (and (or (null v) (>= v eglot--versioned-identifier))
                           (funcall pred))))))))

(defun suite-save-events (server name)
  "Keep SERVER's eglot events buffer as events-NAME.log in the temp dir (run.sh shows it on failure)."
  (let ((buf (jsonrpc-events-buffer server))
        (tmp (suite-env "BIBMARK_EMACS_TMP")))
    (when (and tmp (buffer-live-p buf))
      (with-current-buffer buf
        (let ((coding-system-for-write 'utf-8-unix))
          (write-region (point-min) (point-max) (expand-file-name (format "events-%s.log" name) tmp) nil 'quiet))))))

(defun suite--let-exit (conn &rest _)
  (let ((proc (jsonrpc--process conn))
        (end (+ (float-time) suite-short)))
    (while (and (process-live-p proc) (< (float-time) end))
      (accept-process-output proc 0.02))))

(defun suite-shutdown (server name)
  "`eglot-shutdown' SERVER, letting it exit by itself after the exit notification (eglot 1.9 deletes the
process right after sending it, which would hide the server's exit code); returns the process."
  (suite-save-events server name)
  (let ((proc (jsonrpc--process server)))
    (advice-add 'jsonrpc-shutdown :before #'suite--let-exit)
    (unwind-protect
        (eglot-shutdown server)
      (advice-remove 'jsonrpc-shutdown #'suite--let-exit))
    proc))

(defun suite-launcher ()
  (expand-file-name "server/bin/bibmark" (suite-env "BIBMARK_EMACS_REPO")))

(defun suite-cli (&rest args)
  "Run the launcher with ARGS; return (EXIT-CODE . STDOUT)."
  (with-temp-buffer
    (let* ((coding-system-for-read 'utf-8-unix)
           (rc (apply #'call-process (suite-launcher) nil (list t nil) nil args)))
      (cons rc (buffer-string)))))

(defun suite-check-json (&rest args)
  "`bibmark check --format json ARGS' parsed: a list of (TRUENAME . DIAGNOSTICS), DIAGNOSTICS a list of plists."
  (let ((res (apply #'suite-cli "check" "--format" "json" args)))
    (suite-check (memq (car res) '(0 1)) "bibmark check %S exited with %s: %s" args (car res) (cdr res))
    (mapcar (lambda (f) (cons (file-truename (plist-get f :path)) (plist-get f :diagnostics)))
            (plist-get (json-parse-string (cdr res) :object-type 'plist :array-type 'list) :files))))

(defconst suite-flymake-types
  '(("error" . eglot-error) ("warning" . eglot-warning) ("information" . eglot-note) ("hint" . eglot-note))
  "The CLI's severity names -> the Flymake types eglot gives LSP severities 1, 2, 3 and 4.")

;;; Start

(defun suite-readme-config ()
  "The elisp block of server/README.md's \"Emacs (eglot)\" section, with this checkout for /path/to/bibmark."
  (let ((readme (expand-file-name "server/README.md" (suite-env "BIBMARK_EMACS_REPO"))))
    (with-temp-buffer
      (insert-file-contents readme)
      (goto-char (point-min))
      (suite-check (re-search-forward "^## Emacs (eglot)[ \t]*$" nil t) "%s has no \"## Emacs (eglot)\" section" readme)
      (let ((end (save-excursion (if (re-search-forward "^## " nil t) (match-beginning 0) (point-max)))))
        (suite-check (re-search-forward "^```elisp[ \t]*\n" end t) "the Emacs section of %s has no ```elisp block" readme)
        (let ((beg (point)))
          (suite-check (re-search-forward "^```[ \t]*$" end t) "the elisp block of %s is not closed" readme)
          (string-replace "/path/to/bibmark" (directory-file-name (suite-env "BIBMARK_EMACS_REPO"))
                          (buffer-substring-no-properties beg (match-beginning 0))))))))

(defun suite-eval-string (code)
  "Evaluate every form of CODE, in order."
  (let ((pos 0) read)
    (while (setq read (condition-case nil (read-from-string code pos) (end-of-file nil)))
      (setq pos (cdr read))
      (eval (car read) t))))

(defvar suite-documented-configuration nil "The value the README sets `eglot-workspace-configuration' to.")

(defun suite-setup ()
  (setq suite-ws (file-name-as-directory (file-truename (suite-check (suite-env "BIBMARK_EMACS_WS") "BIBMARK_EMACS_WS is not set (run tests/emacs/run.sh)"))))
  (suite-check (file-directory-p suite-ws) "BIBMARK_EMACS_WS is not a directory")
  (push suite-ws suite-roots)
  ;; What an interactive Emacs does at startup: activate the installed packages (Debian's elpa-* ones).
  (package-activate-all)
  (suite-check (locate-library "eglot") "eglot is not installed (run tests/emacs/install.sh)")
  (suite-check (locate-library "markdown-mode") "markdown-mode is not installed (run tests/emacs/install.sh)")
  (suite-eval-string (suite-readme-config))
  (let ((buf (suite-visit (expand-file-name "papers.md" suite-ws))))
    (suite-check (eq major-mode 'markdown-mode) "papers.md opened in %s, not markdown-mode" major-mode)
    (setq suite-main (eglot-current-server))
    (setq suite-documented-configuration (default-value 'eglot-workspace-configuration))
    (suite-check (and (memq 'markdown-mode (eglot--major-modes suite-main)) (memq 'bibtex-mode (eglot--major-modes suite-main)))
                 "the server manages %S: markdown-mode and bibtex-mode expected" (eglot--major-modes suite-main))
    buf))

;;; Scenarios

(defun suite-scenario-diagnostics ()
  "papers.md (markdown-mode): the planted syntax error and the cross-file duplicate key, where the server
put them and with its code and message; the unopened more.md's duplicate through Flymake's list of
unvisited files; fields.bib in bibtex-mode (the same server) with its missing field."
  (let* ((papers (suite-visit (expand-file-name "papers.md" suite-ws)))
         (more (expand-file-name "more.md" suite-ws))
         summary)
    (with-current-buffer papers
      (suite-wait-diags "bibtex-syntax and duplicate-key on papers.md"
                        (lambda () (equal (suite-codes) '("bibtex-syntax" "duplicate-key"))))
      (let* ((all (suite-diags))
             (syntax (car (suite-diags "bibtex-syntax")))
             (dup (car (suite-diags "duplicate-key")))
             (entry (suite-line-of "@inproceedings{vaswani2017attention,"))
             (booktitle (save-excursion
                          (goto-char (point-min)) (forward-line entry)
                          (search-forward "booktitle={Advances in Neural Information Processing Systems}")
                          (1- (line-number-at-pos nil t))))
             (booktitle-eol (save-excursion (goto-char (point-min)) (forward-line booktitle) (line-end-position)))
             (key-line (suite-line-of "@inproceedings{he2016deep,")))
        (suite-check (= (length all) 2) "papers.md: expected 2 diagnostics, got %s" (suite-describe all))
        ;; The syntax error: an empty range at the end of the booktitle line (the missing comma).
        (let ((lsp (suite-diag-lsp syntax)))
          (suite-check (eq (flymake-diagnostic-type syntax) 'eglot-error) "bibtex-syntax: type %s" (flymake-diagnostic-type syntax))
          (suite-check (equal (flymake-diagnostic-text syntax) "bibmark [bibtex-syntax]: Expected ',' between fields")
                       "bibtex-syntax: text %S" (flymake-diagnostic-text syntax))
          (suite-check (equal (plist-get lsp :range)
                              (let ((p (suite-lsp-position booktitle-eol)))
                                `(:start (:line ,(car p) :character ,(cdr p)) :end (:line ,(car p) :character ,(cdr p)))))
                       "bibtex-syntax: range %S, expected the end of line %d" (plist-get lsp :range) (1+ booktitle))
          ;; eglot 1.9 shows an empty range through `flymake-diag-region' (its column read as 1-based):
          ;; the mark lands on the line's last character.  Only the line and its end are asserted.
          (suite-check (and (= (line-number-at-pos (flymake-diagnostic-beg syntax) t) (1+ booktitle))
                            (= (flymake-diagnostic-end syntax) booktitle-eol))
                       "bibtex-syntax: Flymake marks %d-%d, expected the end of line %d"
                       (flymake-diagnostic-beg syntax) (flymake-diagnostic-end syntax) (1+ booktitle)))
        ;; The duplicate key: Flymake marks exactly the key, with the other file named in the message.
        (suite-check (eq (flymake-diagnostic-type dup) 'eglot-error) "duplicate-key: type %s" (flymake-diagnostic-type dup))
        (suite-check (equal (buffer-substring-no-properties (flymake-diagnostic-beg dup) (flymake-diagnostic-end dup)) "he2016deep")
                     "duplicate-key marks %S" (buffer-substring-no-properties (flymake-diagnostic-beg dup) (flymake-diagnostic-end dup)))
        (suite-check (= (1- (line-number-at-pos (flymake-diagnostic-beg dup) t)) key-line)
                     "duplicate-key on line %d, expected %d" (line-number-at-pos (flymake-diagnostic-beg dup) t) (1+ key-line))
        (suite-check (equal (flymake-diagnostic-text dup)
                            "bibmark [duplicate-key]: Key 'he2016deep' is used for 2 different entries (also in more.md:10)")
                     "duplicate-key: text %S" (flymake-diagnostic-text dup))
        (setq summary (format "papers.md %s (the syntax error's empty range is at 16:64, the end of the line)"
                              (suite-describe all)))))
    ;; more.md is never visited: eglot keeps its diagnostics in `flymake-list-only-diagnostics'.
    (suite-check (null (find-buffer-visiting more)) "more.md should not be visited")
    (suite-wait "the duplicate-key of the unvisited more.md"
                (lambda () (cdr (assoc (file-truename more) flymake-list-only-diagnostics))))
    (let ((ds (cdr (assoc (file-truename more) flymake-list-only-diagnostics))))
      (suite-check (= (length ds) 1) "more.md: %d diagnostics listed" (length ds))
      (suite-check (equal (flymake-diagnostic-beg (car ds)) '(10 . 16)) "more.md: listed at %S, expected line 10 column 16"
                   (flymake-diagnostic-beg (car ds)))
      (suite-check (string-prefix-p "bibmark [duplicate-key]: Key 'he2016deep'" (flymake-diagnostic-text (car ds)))
                   "more.md: %S" (flymake-diagnostic-text (car ds)))
      (setq summary (format "%s; more.md (unvisited) [10:16 duplicate-key]" summary)))
    ;; A .bib in bibtex-mode joins the same server (eglot 1.9 sends it as languageId "markdown", the server
    ;; goes by the .bib extension).
    (with-current-buffer (suite-visit (expand-file-name "fields.bib" suite-ws))
      (suite-check (eq major-mode 'bibtex-mode) "fields.bib opened in %s" major-mode)
      (suite-check (eq (eglot-current-server) suite-main) "fields.bib is managed by another server")
      (suite-wait-diags "missing-field on fields.bib" (lambda () (equal (suite-codes) '("missing-field"))))
      (let ((d (car (suite-diags))))
        (suite-check (eq (flymake-diagnostic-type d) 'eglot-warning) "missing-field: type %s" (flymake-diagnostic-type d))
        (suite-check (equal (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "lecun2015deep")
                     "missing-field marks %S" (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
        (suite-check (equal (flymake-diagnostic-text d)
                            "bibmark [missing-field]: @article 'lecun2015deep' is missing required field(s): journal")
                     "missing-field: text %S" (flymake-diagnostic-text d))
        (format "%s; fields.bib (bibtex-mode) %s" summary (suite-describe (suite-diags)))))))

(defun suite-scenario-wide-characters ()
  "A diagnostic after a character outside the BMP: the server's UTF-16 column and eglot's agree, so Flymake
marks the right text."
  (with-current-buffer (suite-visit (expand-file-name "wide.md" suite-ws))
    (suite-wait-diags "duplicate-field on wide.md" (lambda () (equal (suite-codes) '("duplicate-field"))))
    (let* ((d (car (suite-diags)))
           (second-year (save-excursion (suite-goto "year={2018}") (point)))
           (chars (- second-year (save-excursion (goto-char second-year) (line-beginning-position))))
           (lsp-start (plist-get (plist-get (suite-diag-lsp d) :range) :start)))
      (suite-check (= (plist-get lsp-start :character) (cdr (suite-lsp-position second-year)))
                   "the server put duplicate-field at UTF-16 column %d, expected %d"
                   (plist-get lsp-start :character) (cdr (suite-lsp-position second-year)))
      (suite-check (and (= (flymake-diagnostic-beg d) second-year)
                        (equal (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "year"))
                   "Flymake marks %S at %d, expected the second year at %d"
                   (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))
                   (flymake-diagnostic-beg d) second-year)
      (format "duplicate-field at UTF-16 column %d (character %d, after a 🤖): Flymake marks the second `year'"
              (plist-get lsp-start :character) chars))))

(defun suite-scenario-corpus-list ()
  "A real list from the corpus, with its own server: the diagnostics Emacs shows for the list, and holds
for every unvisited file, equal `bibmark check --format json' with the same settings."
  (let* ((root (suite-env "BIBMARK_EMACS_CORPUS_ROOT"))
         (file (suite-env "BIBMARK_EMACS_CORPUS_FILE")))
    (unless (and root (file-directory-p root)) (suite-skip "../shared/corpus is absent"))
    (setq root (file-name-as-directory (file-truename root)))
    (let* ((path (file-truename (expand-file-name file root)))
           (tmp (suite-check (suite-env "BIBMARK_EMACS_TMP") "BIBMARK_EMACS_TMP is not set"))
           (config (expand-file-name "corpus-settings.json" tmp))
           (settings (plist-get (default-value 'eglot-workspace-configuration) :bibmark))
           expected plain server buf)
      (suite-check (file-readable-p path) "corpus file %s is missing" path)
      ;; The oracle runs with the settings Emacs sends (the README's), written as a config file.
      (with-temp-file config (insert (json-encode settings)))
      (setq expected (suite-check-json "--config" config root)
            plain (suite-check-json root))
      (suite-check (assoc path expected) "bibmark check did not report %s" path)
      (let ((off (cl-loop for (p . ds) in plain
                          append (cl-set-difference ds (cdr (assoc p expected)) :test #'equal))))
        (suite-check (cl-every (lambda (d) (equal (plist-get d :code) "empty-field")) off)
                     "the settings changed more than empty-field: %S" off)
        (push root suite-roots)
        (unwind-protect
            (progn
              (setq buf (suite-visit path))
              (setq server (eglot-current-server))
              (suite-check (not (eq server suite-main)) "the corpus list joined the workspace's server")
              (let* ((want-open (suite-corpus-open-rows (cdr (assoc path expected))))
                     (want-listed (cl-loop for (p . ds) in expected
                                           when (and ds (not (equal p path)))
                                           collect (cons p (suite-corpus-listed-rows ds))))
                     (got-open nil) (got-listed nil)
                     (collect (lambda ()
                                (setq got-open (with-current-buffer buf
                                                 (mapcar #'suite-corpus-shown-row (suite-diags)))
                                      got-listed (cl-loop for (p . ds) in flymake-list-only-diagnostics
                                                          when (and ds (file-in-directory-p p root))
                                                          collect (cons (file-truename p) (suite-corpus-listed-rows-of ds))))
                                (setq got-open (sort got-open #'suite-row<)
                                      got-listed (sort (cl-remove path got-listed :key #'car :test #'equal)
                                                       (lambda (a b) (string< (car a) (car b)))))
                                (and (equal got-open want-open) (equal got-listed want-listed)))))
                (setq want-listed (sort want-listed (lambda (a b) (string< (car a) (car b)))))
                (let ((end (+ (float-time) suite-timeout)))
                  (while (and (not (funcall collect)) (< (float-time) end))
                    (accept-process-output nil 0.05)))
                (unless (funcall collect)
                  (suite-fail "after %d s, Emacs shows for %s:\n  %S\nbibmark check:\n  %S\nunvisited files differ: %S"
                              suite-timeout file got-open want-open
                              (cl-set-exclusive-or got-listed want-listed :test #'equal)))
                (let ((total (apply #'+ (mapcar (lambda (f) (length (cdr f))) expected))))
                  (format "%s: %d diagnostics shown = check (%s); %d in %d unvisited files listed = check; %d empty-field turned off by the settings"
                          file (length want-open)
                          (mapconcat (lambda (r) (format "%d:%d %s" (1+ (nth 0 r)) (1+ (nth 1 r)) (nth 5 r))) want-open " ")
                          (- total (length want-open)) (length want-listed) (length off)))))
          (when server
            (let ((proc (suite-shutdown server "corpus")))
              (suite-check (and (eq (process-status proc) 'exit) (= (process-exit-status proc) 0))
                           "corpus server: %s %s" (process-status proc) (process-exit-status proc))))
          (when (buffer-live-p buf) (kill-buffer buf))
          (setq suite-roots (delete root suite-roots)))))))

(defun suite-corpus-open-rows (ds)
  "Rows (LINE CHAR END-LINE END-CHAR TYPE CODE TEXT) of `bibmark check' diagnostics, sorted."
  (sort (mapcar (lambda (d)
                  (let ((s (plist-get (plist-get d :range) :start)) (e (plist-get (plist-get d :range) :end)))
                    (list (plist-get s :line) (plist-get s :character) (plist-get e :line) (plist-get e :character)
                          (cdr (assoc (plist-get d :severity) suite-flymake-types)) (plist-get d :code)
                          (format "bibmark [%s]: %s" (plist-get d :code) (plist-get d :message)))))
                ds)
        #'suite-row<))

(defun suite-row< (a b)
  (cond ((null a) nil)
        ((null b) nil)
        ((equal (car a) (car b)) (suite-row< (cdr a) (cdr b)))
        ((and (numberp (car a)) (numberp (car b))) (< (car a) (car b)))
        (t (string< (format "%s" (car a)) (format "%s" (car b))))))

(defun suite-corpus-shown-row (d)
  "The row of a Flymake diagnostic, from where Flymake marks it (converted here).  An empty LSP range is
marked by eglot 1.9 through `flymake-diag-region', so its end (and column) come from the LSP range, its
line from the mark."
  (let* ((lsp (suite-diag-lsp d))
         (range (plist-get lsp :range))
         (beg (suite-lsp-position (flymake-diagnostic-beg d)))
         (end (suite-lsp-position (flymake-diagnostic-end d)))
         (empty (equal (plist-get range :start) (plist-get range :end))))
    (if empty
        (let ((s (plist-get range :start)))
          (list (car beg) (plist-get s :character) (car beg) (plist-get s :character)
                (flymake-diagnostic-type d) (plist-get lsp :code) (flymake-diagnostic-text d)))
      (list (car beg) (cdr beg) (car end) (cdr end)
            (flymake-diagnostic-type d) (plist-get lsp :code) (flymake-diagnostic-text d)))))

(defun suite-corpus-listed-rows (ds)
  "Rows ((LINE . COL) TYPE TEXT), 1-based as eglot lists unvisited files, of `bibmark check' diagnostics."
  (sort (mapcar (lambda (d)
                  (let ((s (plist-get (plist-get d :range) :start)))
                    (list (cons (1+ (plist-get s :line)) (1+ (plist-get s :character)))
                          (cdr (assoc (plist-get d :severity) suite-flymake-types))
                          (format "bibmark [%s]: %s" (plist-get d :code) (plist-get d :message)))))
                ds)
        (lambda (a b) (suite-row< (list (car (car a)) (cdr (car a)) (nth 2 a)) (list (car (car b)) (cdr (car b)) (nth 2 b))))))

(defun suite-corpus-listed-rows-of (diags)
  (sort (mapcar (lambda (d) (list (flymake-diagnostic-beg d) (flymake-diagnostic-type d) (flymake-diagnostic-text d))) diags)
        (lambda (a b) (suite-row< (list (car (car a)) (cdr (car a)) (nth 2 a)) (list (car (car b)) (cdr (car b)) (nth 2 b))))))

(defun suite-scenario-completion ()
  "Typing `[@' in prose: eglot's completion-at-point function offers every key of the workspace once
(with the trigger character sent); typing `vas' and M-x completion-at-point completes the key."
  (with-current-buffer (suite-visit (expand-file-name "papers.md" suite-ws))
    (let ((original (buffer-string))
          (seq suite-seq)
          start summary)
      (unwind-protect
          (progn
            (suite-goto "scaling them up gave [@brown2020language].")
            (end-of-line)
            (setq start (point))
            (suite-keys " See also [@")
            (let* ((capf (run-hook-with-args-until-success 'completion-at-point-functions))
                   (table (nth 2 capf))
                   (props (nthcdr 3 capf))
                   (items (progn (suite-check (functionp table) "no completion table at `[@': %S" capf)
                                 (all-completions (buffer-substring-no-properties (nth 0 capf) (nth 1 capf)) table)))
                   (want (suite-keys-in-folder suite-ws))
                   (request (car (last (suite-sent-since seq "textDocument/completion"))))
                   (context (plist-get (plist-get request :params) :context))
                   (annotation (when-let ((proxy (car (member "brown2020language" items))))
                                 (funcall (plist-get props :annotation-function) proxy))))
              (suite-check (equal (sort (copy-sequence items) #'string<) want)
                           "completion offers %S, expected the workspace keys %S" (sort (copy-sequence items) #'string<) want)
              (suite-check (= (length items) (length (delete-dups (copy-sequence items))))
                           "a key is offered twice: %S" items)
              (suite-check (equal context '(:triggerKind 2 :triggerCharacter "@"))
                           "the request's context %S, expected the trigger character @" context)
              (suite-check (and annotation (string-match-p "Brown 2020" annotation))
                           "annotation of brown2020language (defined in the unvisited more.md): %S" annotation)
              (suite-keys "vas" (kbd "M-x") "completion-at-point" (kbd "RET"))
              (suite-check (equal (buffer-substring-no-properties start (line-end-position)) " See also [@vaswani2017attention")
                           "M-x completion-at-point after `vas' left %S" (buffer-substring-no-properties start (line-end-position)))
              (setq summary (format "%d keys offered after `[@' (trigger @), brown2020language annotated%s; `vas' completed to vaswani2017attention"
                                    (length items) annotation))))
        ;; Leave the buffer as it was (and tell the server).
        (when start (delete-region start (save-excursion (goto-char start) (line-end-position))))
        (suite-idle))
      (suite-check (equal (buffer-string) original) "papers.md was not restored")
      (set-buffer-modified-p nil)
      summary)))

(defvar suite-eldoc-docs nil "The docs ElDoc last displayed.")

(defun suite--capture-eldoc (docs _interactive)
  (setq suite-eldoc-docs docs))

(defun suite-hover-at (needle offset)
  "M-x eldoc with point OFFSET characters into NEEDLE; the text ElDoc displays."
  (suite-goto needle offset)
  (setq suite-eldoc-docs nil)
  (add-hook 'eldoc-display-functions #'suite--capture-eldoc)
  (unwind-protect
      (progn
        (suite-keys (kbd "M-x") "eldoc" (kbd "RET"))
        (suite-wait (format "ElDoc to show the hover of %s" needle) (lambda () suite-eldoc-docs) suite-short))
    (remove-hook 'eldoc-display-functions #'suite--capture-eldoc))
  (mapconcat (lambda (doc) (substring-no-properties (car doc))) suite-eldoc-docs "\n"))

(defun suite-scenario-hover ()
  "M-x eldoc on citations: the hover (eglot's ElDoc function) shows the entry's title, authors, venue,
year, status and where it is defined, also for an entry of an unvisited file."
  (with-current-buffer (suite-visit (expand-file-name "papers.md" suite-ws))
    (let ((brown (suite-hover-at "[@brown2020language]" 5))
          (vaswani (suite-hover-at "[@vaswani2017attention]" 5)))
      (dolist (want '("Language Models are Few-Shot Learners" "Tom Brown" "Advances in Neural Information Processing Systems"
                      "2020" "UNREAD" "more.md:24" "https://arxiv.org/abs/2005.14165"))
        (suite-check (string-search want brown) "hover on brown2020language lacks %S:\n%s" want brown))
      (dolist (want '("Attention Is All You Need" "Ashish Vaswani" "2017" "READ" "papers.md:13"))
        (suite-check (string-search want vaswani) "hover on vaswani2017attention lacks %S:\n%s" want vaswani))
      (format "brown2020language -> %S; vaswani2017attention -> %S"
              (car (split-string brown "\n")) (car (split-string vaswani "\n"))))))

(defun suite-scenario-edit-clears-diagnostic ()
  "Typing the missing comma: eglot sends it as an incremental didChange when the user pauses, and the
syntax error leaves Flymake while the duplicate key stays."
  (with-current-buffer (suite-visit (expand-file-name "papers.md" suite-ws))
    (suite-wait-diags "the syntax error on papers.md" (lambda () (suite-diags "bibtex-syntax")))
    (suite-goto "booktitle={Advances in Neural Information Processing Systems}\n")
    (let ((seq suite-seq))
      (suite-keys (kbd "C-e") ",")
      (suite-check (null (suite-sent-since seq "textDocument/didChange")) "didChange went out before the pause")
      (suite-idle)
      (let* ((sent (suite-sent-since seq "textDocument/didChange"))
             (changes (plist-get (plist-get (car sent) :params) :contentChanges))
             (change (and (= (length changes) 1) (aref changes 0)))
             (range (plist-get change :range)))
        (suite-check (= (length sent) 1) "%d didChange notifications after the pause" (length sent))
        (suite-check (and range (equal (plist-get change :text) ","))
                     "the comma was not sent as an incremental change: %S" changes)
        (suite-wait-diags "the syntax error to clear" (lambda () (not (suite-diags "bibtex-syntax"))))
        (suite-check (equal (suite-codes) '("duplicate-key")) "left %s" (suite-describe (suite-diags)))
        (format "incremental didChange %d:%d-%d:%d %S (version %d); left %s"
                (1+ (plist-get (plist-get range :start) :line)) (1+ (plist-get (plist-get range :start) :character))
                (1+ (plist-get (plist-get range :end) :line)) (1+ (plist-get (plist-get range :end) :character))
                (plist-get change :text) eglot--versioned-identifier (suite-describe (suite-diags)))))))

(defun suite-action-summary (actions)
  (mapconcat (lambda (a) (format "%s%s" (plist-get a :title) (if (eq (plist-get a :isPreferred) t) " (preferred)" "")))
             actions ", "))

(defun suite-scenario-quickfix ()
  "M-x eglot-code-actions where the comma is missing, taking the default (the preferred quick-fix): the
comma is inserted, nothing else changes, and the diagnostic goes."
  (with-current-buffer (suite-visit (expand-file-name "quickfix.md" suite-ws))
    (suite-wait-diags "bibtex-syntax on quickfix.md" (lambda () (suite-diags "bibtex-syntax")))
    (let* ((before (buffer-string))
           (count (length (suite-diags)))
           (d (car (suite-diags "bibtex-syntax")))
           (start (plist-get (plist-get (suite-diag-lsp d) :range) :start))
           (at (suite-lsp-point (plist-get start :line) (plist-get start :character)))
           (expected (concat (substring before 0 (1- at)) "," (substring before (1- at))))
           at-mark at-eol)
      ;; Where Flymake's M-x flymake-goto-next-error puts point: eglot 1.9 marks the empty range one column
      ;; left of it, on the line's last character, and asks for that range naming no diagnostic.  The server
      ;; lets a range ending on a line's last character reach the line's end, so the fix is offered here too.
      (goto-char (point-min))
      (suite-keys (kbd "M-x") "flymake-goto-next-error" (kbd "RET"))
      (setq at-mark (apply #'eglot-code-actions (eglot--region-bounds)))
      (suite-check (cl-find-if (lambda (a) (and (equal (plist-get a :kind) "quickfix") (eq (plist-get a :isPreferred) t)))
                               at-mark)
                   "no preferred quick-fix at Flymake's mark: %s" (suite-action-summary at-mark))
      ;; At the end of the line, where the server put the diagnostic:
      (suite-keys (kbd "C-e"))
      (suite-check (= (point) at) "C-e went to %d, the diagnostic is at %d" (point) at)
      (setq at-eol (apply #'eglot-code-actions (eglot--region-bounds)))
      (suite-check (cl-find-if (lambda (a) (and (equal (plist-get a :kind) "quickfix") (eq (plist-get a :isPreferred) t)
                                                (cl-find "bibtex-syntax" (plist-get a :diagnostics)
                                                         :key (lambda (x) (plist-get x :code)) :test #'equal)))
                               at-eol)
                   "no preferred quick-fix for the syntax error: %s" (suite-action-summary at-eol))
      (suite-keys (kbd "M-x") "eglot-code-actions" (kbd "RET") (kbd "RET"))
      (suite-check (equal (buffer-string) expected) "the quick-fix made:\n%s\nexpected:\n%s" (buffer-string) expected)
      (suite-idle)
      (suite-wait-diags "the fixed syntax error to clear" (lambda () (not (suite-diags "bibtex-syntax"))))
      (suite-check (= (length (suite-diags)) (1- count)) "the fix left %s" (suite-describe (suite-diags)))
      (format "offered at the line's end (column %d): %s; applied the default, a comma; left %s; %d action(s) at Flymake's mark (column %d)"
              (1+ (plist-get start :character)) (suite-action-summary at-eol) (suite-describe (suite-diags)) (length at-mark)
              (1+ (- (flymake-diagnostic-beg d) (save-excursion (goto-char (flymake-diagnostic-beg d)) (line-beginning-position))))))))

(defun suite-outside-fences (text)
  "TEXT's lines outside ``` fences (the fence lines kept)."
  (let (inside out)
    (dolist (line (split-string text "\n"))
      (if (string-prefix-p "```" line)
          (progn (setq inside (not inside)) (push line out))
        (unless inside (push line out))))
    (nreverse out)))

(defun suite-scenario-formatting ()
  "M-x eglot-format-buffer on a list: the buffer becomes what `bibmark format' makes of the file, the text
outside the bibtex block is untouched, and a second run changes nothing."
  (with-current-buffer (suite-visit (expand-file-name "format.md" suite-ws))
    (let* ((before (buffer-string))
           (dir (make-temp-file (expand-file-name "format-oracle" (suite-env "BIBMARK_EMACS_TMP")) t))
           (copy (expand-file-name "format.md" dir)))
      (copy-file buffer-file-name copy)
      (let ((res (suite-cli "format" copy)))
        (suite-check (eql (car res) 0) "bibmark format exited with %s: %s" (car res) (cdr res)))
      (let ((expected (suite-read copy)))
        (suite-check (not (equal expected before)) "bibmark format changed nothing: the fixture is not messy")
        (suite-keys (kbd "M-x") "eglot-format-buffer" (kbd "RET"))
        (let ((after (buffer-string)))
          (suite-check (equal after expected) "eglot-format-buffer made:\n%s\nbibmark format:\n%s" after expected)
          (suite-check (equal (suite-outside-fences before) (suite-outside-fences after)) "formatting touched text outside the block")
          (suite-keys (kbd "M-x") "eglot-format-buffer" (kbd "RET"))
          (suite-check (equal (buffer-string) after) "a second eglot-format-buffer changed the buffer again")
          (suite-idle)
          (format "%d lines -> %d, = `bibmark format', outside the block byte-identical, idempotent"
                  (length (split-string before "\n")) (length (split-string after "\n"))))))))

(defun suite-scenario-definition ()
  "M-. on a citation whose entry is in an unvisited file: xref opens more.md at the key (managed by the same
server), M-, comes back; a duplicated key has both definitions."
  (let ((papers (suite-visit (expand-file-name "papers.md" suite-ws)))
        (more (expand-file-name "more.md" suite-ws)))
    (switch-to-buffer papers)
    (suite-check (null (find-buffer-visiting more)) "more.md is already visited")
    (suite-goto "[@brown2020language]" 5)
    (let ((from (point)) line)
      (suite-keys (kbd "M-."))
      (suite-check (equal (and buffer-file-name (file-truename buffer-file-name)) (file-truename more))
                   "M-. went to %s, not more.md" (current-buffer))
      (setq line (line-number-at-pos))
      (suite-check (and (looking-at-p "brown2020language,")
                        (looking-back "^@inproceedings{" (line-beginning-position)))
                   "M-. put point at %d:%d: %S" line (current-column)
                   (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
      (suite-wait "more.md to be managed" #'eglot-managed-p)
      (suite-check (eq (eglot-current-server) suite-main) "more.md is managed by another server")
      (suite-keys (kbd "M-,"))
      (suite-check (and (eq (current-buffer) papers) (= (point) from)) "M-, went to %s:%d, not back to the citation"
                   (current-buffer) (point))
      (suite-goto "[@he2016deep]" 4)
      (let* ((xrefs (xref-backend-definitions 'eglot "he2016deep"))
             (files (sort (mapcar (lambda (x) (file-name-nondirectory (xref-location-group (xref-item-location x)))) xrefs)
                          #'string<)))
        (suite-check (equal files '("more.md" "papers.md")) "definitions of the duplicated he2016deep: %S" files)
        (format "M-. -> more.md:%d at the key (now managed), M-, back; he2016deep -> %s" line (string-join files ", "))))))

(defvar suite-questions nil "The y-or-n-p prompts of the rename, newest first.")

(defun suite--record-question (prompt &rest _)
  (push prompt suite-questions))

(defun suite-scenario-rename ()
  "M-x eglot-rename on a citation: a key already taken is refused; a new one changes both citations in
notes.md and the entry in the unvisited refs.bib (after eglot's question about that file, answered y)."
  (let* ((notes (suite-visit (expand-file-name "notes.md" suite-ws)))
         (refs (expand-file-name "refs.bib" suite-ws))
         (notes-before (with-current-buffer notes (buffer-string)))
         (refs-before (suite-read refs))
         refused)
    (suite-check (null (find-buffer-visiting refs)) "refs.bib is already visited")
    (suite-goto "[@kaplan2020scaling]" 5)
    (condition-case err
        (suite-keys (kbd "M-x") "eglot-rename" (kbd "RET") "vaswani2017attention" (kbd "RET") "y")
      (jsonrpc-error (setq refused (or (alist-get 'jsonrpc-error-message (cdr err)) (error-message-string err)))))
    (suite-check (and refused (string-match-p "already used" refused))
                 "renaming to a key already taken was not refused with the reason: %S" refused)
    (suite-check (equal (buffer-string) notes-before) "the refused rename changed notes.md")
    (suite-check (or (null (find-buffer-visiting refs))
                     (equal (with-current-buffer (find-buffer-visiting refs) (buffer-string)) refs-before))
                 "the refused rename changed refs.bib")
    (suite-goto "[@kaplan2020scaling]" 5)
    (setq suite-questions nil)
    (advice-add 'y-or-n-p :before #'suite--record-question)
    (unwind-protect
        (suite-keys (kbd "M-x") "eglot-rename" (kbd "RET") "kaplan2020laws" (kbd "RET") "y")
      (advice-remove 'y-or-n-p #'suite--record-question))
    (suite-check (and (= (length suite-questions) 1) (string-search (file-truename refs) (car suite-questions)))
                 "eglot should have asked once before editing the unvisited refs.bib, asked: %S" suite-questions)
    (let ((notes-want (string-replace "kaplan2020scaling" "kaplan2020laws" notes-before))
          (refs-want (string-replace "@article{kaplan2020scaling," "@article{kaplan2020laws," refs-before))
          (refs-buf (find-buffer-visiting refs)))
      (suite-check (equal (with-current-buffer notes (buffer-string)) notes-want)
                   "notes.md after the rename:\n%s" (with-current-buffer notes (buffer-string)))
      (suite-check refs-buf "refs.bib was not opened by the rename")
      (suite-check (equal (with-current-buffer refs-buf (buffer-string)) refs-want)
                   "refs.bib after the rename:\n%s" (with-current-buffer refs-buf (buffer-string)))
      (suite-check (equal (suite-read refs) refs-before) "refs.bib was saved (eglot leaves edited buffers unsaved)")
      (suite-idle)
      ;; Both documents checked again with the new key: nothing to report (a dangling citation or a
      ;; duplicate would be).
      (dolist (buf (list notes refs-buf))
        (with-current-buffer buf
          (suite-wait (format "the server to see the rename in %s" (buffer-name))
                      (lambda () (let ((v (plist-get (suite-published-for buffer-file-name) :version)))
                                   (or (null v) (>= v eglot--versioned-identifier)))))
          (suite-check (null (suite-diags)) "%s after the rename: %s" (buffer-name) (suite-describe (suite-diags)))))
      (format "taken key refused (%S); kaplan2020scaling -> kaplan2020laws: 2 citations in notes.md, the entry in refs.bib (%s, unsaved)"
              refused (with-current-buffer refs-buf major-mode)))))

(defun suite-scenario-configuration ()
  "eglot-workspace-configuration takes effect: the README's settings keep empty-field off on fields.bib
(bibmark check, without them, reports it); changed settings sent with eglot-signal-didChangeConfiguration
turn it on as an error and missing-field off; the README's settings again bring back the first state."
  (with-current-buffer (suite-visit (expand-file-name "fields.bib" suite-ws))
    (let* ((documented suite-documented-configuration)
           (cli (cdr (car (suite-check-json buffer-file-name))))
           (requests (length suite-server-requests))
           changed)
      (suite-check (cl-find "empty-field" cli :key (lambda (d) (plist-get d :code)) :test #'equal)
                   "bibmark check (default settings) does not report the empty note: %S" cli)
      (suite-wait-diags "the README's settings: missing-field only" (lambda () (equal (suite-codes) '("missing-field"))))
      (unwind-protect
          (progn
            (setq-default eglot-workspace-configuration
                          '(:bibmark (:checks (:empty-field "error" :missing-field "off"))))
            (suite-keys (kbd "M-x") "eglot-signal-didChangeConfiguration" (kbd "RET"))
            (suite-wait-diags "empty-field as an error, missing-field off" (lambda () (equal (suite-codes) '("empty-field"))))
            (let ((d (car (suite-diags))))
              (suite-check (eq (flymake-diagnostic-type d) 'eglot-error) "empty-field: type %s" (flymake-diagnostic-type d))
              (suite-check (equal (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d)) "note = {}")
                           "empty-field marks %S" (buffer-substring-no-properties (flymake-diagnostic-beg d) (flymake-diagnostic-end d))))
            (setq changed (suite-describe (suite-diags))))
        (setq-default eglot-workspace-configuration documented)
        (suite-keys (kbd "M-x") "eglot-signal-didChangeConfiguration" (kbd "RET")))
      (suite-wait-diags "the README's settings again" (lambda () (equal (suite-codes) '("missing-field"))))
      (let ((pulls (cl-count 'workspace/configuration (butlast suite-server-requests requests))))
        (format "README settings %s; {empty-field: error, missing-field: off} %s; back %s; the server pulled workspace/configuration %d time(s)"
                "[missing-field]" changed (suite-describe (suite-diags)) pulls)))))

(defun suite-scenario-shutdown ()
  "eglot-shutdown: the server answers shutdown and exits by itself with code 0; nothing went wrong in the
editor (no Error message from the server, no eglot warning)."
  (let ((proc (suite-shutdown suite-main "main")))
    (suite-check (and (eq (process-status proc) 'exit) (= (process-exit-status proc) 0))
                 "server: %s, exit status %s" (process-status proc) (process-exit-status proc))
    (suite-check (null (cl-find-if (lambda (b) (buffer-local-value 'eglot--managed-mode b)) (buffer-list)))
                 "buffers still managed after the shutdown")
    (suite-check (null suite-editor-errors) "errors reported in the editor:\n  %s"
                 (string-join (reverse suite-editor-errors) "\n  "))
    "exit code 0, no errors reported in the editor"))

;; name, function, the server capability it needs (nil: always runs)
(defvar suite-scenarios
  '(("diagnostics" suite-scenario-diagnostics)
    ("wide-characters" suite-scenario-wide-characters)
    ("corpus-list" suite-scenario-corpus-list)
    ("completion" suite-scenario-completion :completionProvider)
    ("hover" suite-scenario-hover :hoverProvider)
    ("edit-clears-diagnostic" suite-scenario-edit-clears-diagnostic)
    ("quickfix" suite-scenario-quickfix :codeActionProvider)
    ("formatting" suite-scenario-formatting :documentFormattingProvider)
    ("definition" suite-scenario-definition :definitionProvider)
    ("rename" suite-scenario-rename :renameProvider)
    ("configuration" suite-scenario-configuration)
    ("shutdown" suite-scenario-shutdown)))

;;; Runner

(defun suite-package-version (name)
  (let ((desc (cadr (assq name package-alist))))
    (if desc (package-version-join (package-desc-version desc)) "built in")))

(defun suite-report (status name t0 detail)
  (suite-out "%-4s %-24s %6d ms  %s" status name (round (* 1000 (- (float-time) t0)))
             (replace-regexp-in-string "\n" "\n     " (or detail ""))))

(defun suite-run ()
  "Run the scenarios; return the number that failed."
  (let ((only (split-string (or (getenv "BIBMARK_EMACS_ONLY") "") "[, \t]+" t))
        (failed 0)
        (t0 (float-time)))
    (condition-case err
        (progn (suite-setup)
               (suite-out "eglot %s, markdown-mode %s, set up by server/README.md's Emacs (eglot) block; server up in %d ms"
                          (suite-package-version 'eglot) (suite-package-version 'markdown-mode)
                          (round (* 1000 (- (float-time) t0)))))
      (error (suite-report "FAIL" "start" t0 (error-message-string err))
             (setq failed 1)))
    (when (zerop failed)
      (pcase-dolist (`(,name ,fn ,capability) suite-scenarios)
        (setq t0 (float-time))
        (cond
         ((and only (not (member name only)) (not (equal name "shutdown"))))
         ((and capability (not (plist-get (eglot--capabilities suite-main) capability)))
          (suite-report "SKIP" name t0 (format "server does not offer %s" capability)))
         (t
          (condition-case err
              (let ((detail (save-window-excursion (save-current-buffer (funcall fn)))))
                (suite-report "PASS" name t0 detail))
            (suite-skip (suite-report "SKIP" name t0 (cadr err)))
            (error
             (setq failed (1+ failed))
             (when (and suite-main (jsonrpc-running-p suite-main)) (suite-save-events suite-main "main"))
             (suite-report "FAIL" name t0 (error-message-string err))))))))
    failed))

(let ((failed (condition-case err
                  (let ((debug-on-error nil)) (suite-run))
                (error (suite-out "FAIL suite error: %s" (error-message-string err)) 1))))
  (suite-out (if (zerop failed) "OK" (format "FAILED: %d" failed)))
  (kill-emacs (if (zerop failed) 0 1)))

;;; suite.el ends here
