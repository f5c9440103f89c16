import type { mailEn } from './mail-en.ts';

/** Mainstay가 보내는 이메일 (mail-en.ts와 같은 키). */
export const mailKo: Record<keyof typeof mailEn, string> = {
  greetingNamed: '{{name}}님께,',
  greeting: '안녕하세요.',
  requesterReceivedSubject: '요청이 접수되었습니다 ({{reference}})',
  requesterReceived: '요청 {{reference}}이(가) 접수되었습니다. 아래 링크에서 진행 상황을 보고, 정보를 더하고, 결과를 확인할 수 있습니다:\n{{url}}\n\n이 메일을 보관하세요. 이 링크가 요청을 여는 열쇠입니다.',
  requesterReceivedNoLink: '요청 {{reference}}이(가) 접수되었습니다. 접수 번호를 보관하세요.',
  requesterResolvedSubject: '요청이 해결되었습니다 — 확인해 주세요 ({{reference}})',
  requesterResolved: '요청 {{reference}}이(가) 해결 처리되었습니다. 첫 메일의 링크에서 확인하거나, 14일 안에 다시 열 수 있습니다.',
  requesterEscalatedSubject: '요청이 상급 조직으로 넘어갔습니다 ({{reference}})',
  requesterEscalated: '요청 {{reference}}이(가) 기한 안에 처리되지 않아 상급 조직으로 넘어갔습니다. 이제 상급 조직이 책임지고 답합니다.',
  requesterUpdateSubject: '요청에 대한 새 소식 ({{reference}})',
  requesterUpdate: '요청 {{reference}}에 새 소식이 있습니다:\n\n{{note}}',
  caseReminderAcknowledgeSubject: '민원 {{reference}}: {{due}}(UTC)까지 확인하세요',
  caseReminderResolveSubject: '민원 {{reference}}: {{due}}(UTC)까지 해결하세요',
  caseReminderAcknowledge: '민원 {{reference}}은(는) {{due}}(UTC)까지 확인해야 합니다. 기한이 지나면 민원은 상급 조직으로 넘어갑니다.',
  caseReminderResolve: '민원 {{reference}}은(는) {{due}}(UTC)까지 해결해야 합니다. 기한이 지나면 민원은 상급 조직으로 넘어갑니다.',
  directiveReminderSubject: '지시 “{{title}}”: {{due}}(UTC) 기한',
  directiveReminder: '지시 “{{title}}”의 항목 기한이 {{due}}(UTC)입니다. 그 전에 진행 상황을 보고하세요.',
};
