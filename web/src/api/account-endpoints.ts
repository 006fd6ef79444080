// The API calls of accounts: the first run, account links (invite, password reset), one's own
// profile and password, and Admin → People and Teams.
import { request } from './client.ts';
import type {
  AcceptLinkBody,
  AccountLink,
  AccountLinkInfo,
  FirstRunBody,
  InviteBody,
  InviteResult,
  Items,
  LoginResponse,
  LogoutAllBody,
  Me,
  OwnSessions,
  PasswordChangeBody,
  PasswordChangeResult,
  Person,
  PersonPatchBody,
  ProfilePatchBody,
  SessionsEnded,
  SetupStatus,
  Team,
  TeamCreateBody,
  TeamPatchBody,
} from './types.ts';

const enc = encodeURIComponent;

export const accountApi = {
  setupStatus: () => request<SetupStatus>('GET', '/api/setup', undefined, { quiet401: true }),
  firstRun: (body: FirstRunBody) => request<LoginResponse>('POST', '/api/setup', body, { quiet401: true }),
  accountLink: (token: string) => request<AccountLinkInfo>('GET', `/api/account-links/${enc(token)}`, undefined, { quiet401: true }),
  acceptLink: (token: string, body: AcceptLinkBody) => request<LoginResponse>('POST', `/api/account-links/${enc(token)}/accept`, body, { quiet401: true }),

  updateProfile: (body: ProfilePatchBody) => request<Me>('PATCH', '/api/me', body),
  changePassword: (body: PasswordChangeBody) => request<PasswordChangeResult>('POST', '/api/me/password', body),
  mySessions: () => request<OwnSessions>('GET', '/api/me/sessions'),
  endSession: (id: string) => request<SessionsEnded>('DELETE', `/api/me/sessions/${enc(id)}`),
  logoutEverywhere: (body: LogoutAllBody) => request<SessionsEnded>('POST', '/api/me/sessions/logout-all', body),

  people: () => request<Items<Person>>('GET', '/api/people'),
  invite: (body: InviteBody) => request<InviteResult>('POST', '/api/people/invites', body),
  updatePerson: (id: string, body: PersonPatchBody) => request<Person>('PATCH', `/api/people/${enc(id)}`, body),
  deactivate: (id: string) => request<Person>('POST', `/api/people/${enc(id)}/deactivate`),
  reactivate: (id: string) => request<Person>('POST', `/api/people/${enc(id)}/reactivate`),
  resendInvite: (id: string) => request<AccountLink>('POST', `/api/people/${enc(id)}/invite`),
  resetPassword: (id: string) => request<AccountLink>('POST', `/api/people/${enc(id)}/password-reset`),
  revokeInvite: (id: string) => request<void>('DELETE', `/api/people/${enc(id)}`),

  allTeams: () => request<Items<Team>>('GET', '/api/teams?archived=include'),
  createTeam: (body: TeamCreateBody) => request<Team>('POST', '/api/teams', body),
  updateTeam: (id: string, body: TeamPatchBody) => request<Team>('PATCH', `/api/teams/${enc(id)}`, body),
};
