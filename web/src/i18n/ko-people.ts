/** Korean texts of issue 14's import matching and password links (same keys as en-people.ts). */
export const koPeople = {
  importMatch: {
    membersHint: '열: member_code(선택), name, cell_code, email, phone. 이미 있는 사람(같은 member_code, 또는 한 사람만 쓰는 같은 이메일)은 다시 추가되지 않고 갱신됩니다.',
    added: '추가된 구성원', updated: '갱신된 구성원', unchanged: '변경 없는 구성원',
    wouldDo: '{{added}}명 추가, {{updated}}명 갱신, {{unchanged}}명은 그대로 둡니다.',
  },
  passwordLink: {
    forgotLink: '비밀번호를 잊으셨나요?',
    forgotHeading: '비밀번호 찾기',
    forgotExplain: '로그인에 쓰는 이메일 주소를 입력하세요. 계정이 있는 주소라면 새 비밀번호를 정하는 링크를 보냅니다. 링크는 한 시간 안에 한 번만 쓸 수 있습니다.',
    email: '이메일', send: '링크 보내기',
    sent: '이 주소의 계정이 있다면 링크를 보냈습니다. 이메일을 확인하세요.',
    backToSignIn: '로그인으로 돌아가기',
    setHeading: '비밀번호 정하기',
    setExplain: '10자 이상이어야 하며, 흔한 비밀번호나 이메일의 이름은 쓸 수 없습니다.',
    newPassword: '새 비밀번호', repeatPassword: '비밀번호 다시 입력', mismatch: '두 비밀번호가 다릅니다.',
    save: '비밀번호 저장',
    done: '비밀번호가 설정되었습니다. 새 비밀번호로 로그인하세요.',
    missingToken: '링크가 완전하지 않습니다. 이메일의 링크를 다시 열거나 새 링크를 요청하세요.',
    passwordOptional: '비밀번호(선택)',
    passwordOptionalHint: '비워 두면 본인이 비밀번호를 정하도록 이메일로 초대장을 보냅니다(링크는 72시간 동안 유효).',
    invited: '{{email}}(으)로 비밀번호 설정 초대장을 보냈습니다.',
  },
};
